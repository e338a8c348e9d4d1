#include "web/dom.h"

#include <algorithm>
#include <array>
#include <cstring>

// The parser's own headers (not api.h, which declares the same types opaquely): the flattening
// reads its node and token structs directly.
#include <myhtml/myhtml.h>
#include <myhtml/token.h>
#include <myhtml/tree.h>

#include "web/scan.h"


namespace sitrep::web {
namespace {

Tag MapTag(myhtml_tag_id_t id) {
  switch (id) {
    case MyHTML_TAG__TEXT: return Tag::kText;
    case MyHTML_TAG__COMMENT: return Tag::kComment;
    case MyHTML_TAG__UNDEF: return Tag::kOther;
    case MyHTML_TAG_HTML: return Tag::kHtml;
    case MyHTML_TAG_HEAD: return Tag::kHead;
    case MyHTML_TAG_BODY: return Tag::kBody;
    case MyHTML_TAG_TITLE: return Tag::kTitle;
    case MyHTML_TAG_META: return Tag::kMeta;
    case MyHTML_TAG_LINK: return Tag::kLink;
    case MyHTML_TAG_SCRIPT: return Tag::kScript;
    case MyHTML_TAG_STYLE: return Tag::kStyle;
    case MyHTML_TAG_NOSCRIPT: return Tag::kNoscript;
    case MyHTML_TAG_TEMPLATE: return Tag::kTemplate;
    case MyHTML_TAG_P: return Tag::kP;
    case MyHTML_TAG_DIV: return Tag::kDiv;
    case MyHTML_TAG_SPAN: return Tag::kSpan;
    case MyHTML_TAG_A: return Tag::kA;
    case MyHTML_TAG_BR: return Tag::kBr;
    case MyHTML_TAG_HR: return Tag::kHr;
    case MyHTML_TAG_H1: return Tag::kH1;
    case MyHTML_TAG_H2: return Tag::kH2;
    case MyHTML_TAG_H3: return Tag::kH3;
    case MyHTML_TAG_H4: return Tag::kH4;
    case MyHTML_TAG_H5: return Tag::kH5;
    case MyHTML_TAG_H6: return Tag::kH6;
    case MyHTML_TAG_UL: return Tag::kUl;
    case MyHTML_TAG_OL: return Tag::kOl;
    case MyHTML_TAG_LI: return Tag::kLi;
    case MyHTML_TAG_DL: return Tag::kDl;
    case MyHTML_TAG_DT: return Tag::kDt;
    case MyHTML_TAG_DD: return Tag::kDd;
    case MyHTML_TAG_TABLE: return Tag::kTable;
    case MyHTML_TAG_TR: return Tag::kTr;
    case MyHTML_TAG_TD: return Tag::kTd;
    case MyHTML_TAG_TH: return Tag::kTh;
    case MyHTML_TAG_TBODY: return Tag::kTbody;
    case MyHTML_TAG_THEAD: return Tag::kThead;
    case MyHTML_TAG_CAPTION: return Tag::kCaption;
    case MyHTML_TAG_BLOCKQUOTE: return Tag::kBlockquote;
    case MyHTML_TAG_PRE: return Tag::kPre;
    case MyHTML_TAG_CODE: return Tag::kCode;
    case MyHTML_TAG_FIGURE: return Tag::kFigure;
    case MyHTML_TAG_FIGCAPTION: return Tag::kFigcaption;
    case MyHTML_TAG_IMG: return Tag::kImg;
    case MyHTML_TAG_VIDEO: return Tag::kVideo;
    case MyHTML_TAG_AUDIO: return Tag::kAudio;
    case MyHTML_TAG_SOURCE: return Tag::kSource;
    case MyHTML_TAG_ARTICLE: return Tag::kArticle;
    case MyHTML_TAG_SECTION: return Tag::kSection;
    case MyHTML_TAG_MAIN: return Tag::kMain;
    case MyHTML_TAG_HEADER: return Tag::kHeader;
    case MyHTML_TAG_FOOTER: return Tag::kFooter;
    case MyHTML_TAG_NAV: return Tag::kNav;
    case MyHTML_TAG_ASIDE: return Tag::kAside;
    case MyHTML_TAG_ADDRESS: return Tag::kAddress;
    case MyHTML_TAG_TIME: return Tag::kTime;
    case MyHTML_TAG_FORM: return Tag::kForm;
    case MyHTML_TAG_BUTTON: return Tag::kButton;
    case MyHTML_TAG_INPUT: return Tag::kInput;
    case MyHTML_TAG_SELECT: return Tag::kSelect;
    case MyHTML_TAG_OPTION: return Tag::kOption;
    case MyHTML_TAG_TEXTAREA: return Tag::kTextarea;
    case MyHTML_TAG_LABEL: return Tag::kLabel;
    case MyHTML_TAG_IFRAME: return Tag::kIframe;
    case MyHTML_TAG_SVG: return Tag::kSvg;
    case MyHTML_TAG_MATH: return Tag::kMath;
    case MyHTML_TAG_CANVAS: return Tag::kCanvas;
    case MyHTML_TAG_OBJECT: return Tag::kObject;
    case MyHTML_TAG_EMBED: return Tag::kEmbed;
    case MyHTML_TAG_DIALOG: return Tag::kDialog;
    case MyHTML_TAG_MENU: return Tag::kMenu;
    case MyHTML_TAG_SUMMARY: return Tag::kSummary;
    case MyHTML_TAG_DETAILS: return Tag::kDetails;
    case MyHTML_TAG_B: return Tag::kB;
    case MyHTML_TAG_STRONG: return Tag::kStrong;
    case MyHTML_TAG_I: return Tag::kI;
    case MyHTML_TAG_EM: return Tag::kEm;
    case MyHTML_TAG_U: return Tag::kU;
    case MyHTML_TAG_SMALL: return Tag::kSmall;
    case MyHTML_TAG_SUB: return Tag::kSub;
    case MyHTML_TAG_SUP: return Tag::kSup;
    case MyHTML_TAG_CITE: return Tag::kCite;
    case MyHTML_TAG_Q: return Tag::kQ;
    case MyHTML_TAG_ABBR: return Tag::kAbbr;
    case MyHTML_TAG_MARK: return Tag::kMark;
    case MyHTML_TAG_FONT: return Tag::kFont;
    case MyHTML_TAG_CENTER: return Tag::kCenter;
    default: return Tag::kOther;
  }
}

// An inline style that hides the element: display:none or visibility:hidden, any spacing/case.
bool HidesElement(std::string_view style) {
  if (style.size() < 12) return false;
  char squeezed[256];
  size_t n = 0;
  for (char c : style.substr(0, 1024)) {
    if (c == ' ' || c == '\t' || c == '\n') continue;
    if (n == sizeof(squeezed)) break;
    squeezed[n++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  std::string_view s(squeezed, n);
  return s.find("display:none") != std::string_view::npos ||
         s.find("visibility:hidden") != std::string_view::npos;
}

// One parser per thread, reused: creating myhtml costs more than parsing a small page.
struct Parser {
  myhtml_t* myhtml = nullptr;
  Parser() {
    myhtml = myhtml_create();
    myhtml_init(myhtml, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
  }
  ~Parser() { myhtml_destroy(myhtml); }
};

myhtml_t* ThreadParser() {
  thread_local Parser parser;
  return parser.myhtml;
}

}  // namespace

struct HtmlDom::Rep {
  myhtml_tree_t* tree = nullptr;
  ~Rep() {
    if (tree) myhtml_tree_destroy(tree);
  }
};

namespace {

// The node and attribute arrays of the last page, kept per thread for the next one: growing
// fresh arrays page after page cost reallocation copies and page faults (the arrays of a
// 200 KB page pass malloc's mmap threshold). Arrays that held more than 1 << 16 nodes are freed.
struct DomArrays {
  std::vector<DomNode> nodes;
  std::vector<DomAttribute> attributes;
};

DomArrays& ThreadDomArrays() {
  thread_local DomArrays arrays;
  return arrays;
}

constexpr size_t kMaxKeptNodes = 1u << 16;

}  // namespace

HtmlDom::~HtmlDom() {
  if (nodes_.capacity() > kMaxKeptNodes) return;
  DomArrays& spare = ThreadDomArrays();
  if (spare.nodes.capacity() >= nodes_.capacity()) return;
  nodes_.clear();
  attributes_.clear();
  spare.nodes.swap(nodes_);
  spare.attributes.swap(attributes_);
}

std::unique_ptr<HtmlDom> HtmlDom::Parse(std::string_view utf8_html, uint32_t max_nodes) {
  std::unique_ptr<HtmlDom> dom(new HtmlDom());
  {
    DomArrays& spare = ThreadDomArrays();
    dom->nodes_.swap(spare.nodes);  // empty, with the capacity of an earlier page
    dom->attributes_.swap(spare.attributes);
  }
  dom->rep_ = std::make_unique<Rep>();
  myhtml_tree_t* tree = myhtml_tree_create();
  dom->rep_->tree = tree;
  DomNode document;
  document.tag = Tag::kDocument;
  dom->nodes_.push_back(document);
  if (myhtml_tree_init(tree, ThreadParser()) != MyHTML_STATUS_OK) {
    dom->nodes_[0].end = 1;
    return dom;
  }
  std::string limited;
  if (LimitNesting(utf8_html, kMaxDepth, limited)) {
    dom->flattened_ = true;
    utf8_html = limited;
  }
  myhtml_parse(tree, MyENCODING_UTF_8, utf8_html.data(), utf8_html.size());

  // Iterative pre-order walk (deeply nested markup must not exhaust the stack). The parser's
  // structs are read directly (myhtml/tree.h, token.h: what its accessor functions return, without
  // a library call per field of every node).
  std::vector<uint32_t> open;  // indices of the ancestors of the next node
  open.push_back(0);
  myhtml_tree_node_t* node = myhtml_tree_get_document(tree)->child;
  auto& nodes = dom->nodes_;
  auto& attributes = dom->attributes_;
  nodes.reserve(utf8_html.size() / 64 + 16);
  attributes.reserve(utf8_html.size() / 128 + 16);
  while (node) {
    if (nodes.size() >= max_nodes) {
      dom->truncated_ = true;
      break;
    }
    uint32_t index = static_cast<uint32_t>(nodes.size());
    DomNode& out = nodes.emplace_back();
    myhtml_tag_id_t id = node->tag_id;
    out.tag = MapTag(id);
    out.parser_tag = static_cast<uint32_t>(id);
    out.parent = open.back();
    out.depth = static_cast<uint32_t>(open.size());
    const myhtml_token_node_t* token = node->token;
    if (id == MyHTML_TAG__TEXT || id == MyHTML_TAG__COMMENT) {
      if (token && token->str.data && token->str.length) out.text = std::string_view(token->str.data, token->str.length);
    } else if (token) {
      out.attr_begin = static_cast<uint32_t>(attributes.size());
      for (const myhtml_token_attr_t* a = token->attr_first; a; a = a->next) {
        DomAttribute& attribute = attributes.emplace_back();
        if (a->key.data && a->key.length) attribute.key = std::string_view(a->key.data, a->key.length);
        if (a->value.data && a->value.length) attribute.value = std::string_view(a->value.data, a->value.length);
        ++out.attr_count;
        switch (attribute.key.size()) {
          case 2:
            if (attribute.key == "id") out.id = attribute.value;
            break;
          case 5:
            if (attribute.key == "class") {
              out.klass = attribute.value;
            } else if (attribute.key == "style" && HidesElement(attribute.value)) {
              out.hidden = true;
            }
            break;
          case 6:
            if (attribute.key == "hidden") out.hidden = true;
            break;
          case 11:
            if (attribute.key == "aria-hidden" && attribute.value == "true") out.hidden = true;
            break;
          default:
            break;
        }
      }
    }
    // Descend, else move to the next sibling, else climb, closing finished subtrees.
    if (myhtml_tree_node_t* child = node->child) {
      open.push_back(index);
      node = child;
      continue;
    }
    nodes[index].end = index + 1;
    while (node && !node->next) {
      node = node->parent;
      if (open.size() <= 1) {
        node = nullptr;
        break;
      }
      nodes[open.back()].end = static_cast<uint32_t>(nodes.size());
      open.pop_back();
    }
    if (node) node = node->next;
  }
  // Close whatever is still open (normal end, or truncation).
  for (uint32_t i : open) nodes[i].end = static_cast<uint32_t>(nodes.size());
  // Every node got its end above (leaves at once, the others when closed); a safety net for the
  // truncated case only, not a pass over every page.
  if (dom->truncated_) {
    for (auto& n : nodes) {
      if (n.end <= 0) n.end = static_cast<uint32_t>(nodes.size());
    }
  }
  return dom;
}

std::string_view HtmlDom::Name(uint32_t i) const {
  const DomNode& n = nodes_[i];
  if (n.tag == Tag::kDocument) return "#document";
  if (n.tag == Tag::kText) return "#text";
  if (n.tag == Tag::kComment) return "#comment";
  size_t length = 0;
  const char* name = myhtml_tag_name_by_id(rep_->tree, n.parser_tag, &length);
  return name ? std::string_view(name, length) : std::string_view();
}

uint32_t HtmlDom::Find(Tag tag) const {
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].tag == tag) return i;
  }
  return 0;
}

namespace {

// Tag-name bytes lower-cased (A-Z a-z 0-9 - : _), 0 for bytes that end a name.
constexpr std::array<uint8_t, 256> kNameByte = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = static_cast<uint8_t>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<uint8_t>(c + 32);
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<uint8_t>(c);
  t['-'] = '-';
  t[':'] = ':';
  t['_'] = '_';
  return t;
}();

// A tag name of up to 8 bytes packed into one integer (little-endian, no zero bytes in names),
// so classifying a name is one switch over constants, not a run of string compares.
constexpr uint64_t PackName(std::string_view s) {
  uint64_t v = 0;
  for (size_t i = 0; i < s.size() && i < 8; ++i) v |= uint64_t{static_cast<uint8_t>(s[i])} << (8 * i);
  return v;
}

enum class NameKind : uint8_t {
  kNormal,
  // Never stays open on the stack: void elements and those whose end tag is implied by the next
  // sibling (so a page of unclosed <p> or <li> is not deep).
  kSelfClosing,
  kRawText,  // content is raw text: skip to the end tag
};

// `packed` is PackName of the lower-cased name, `length` its length (no listed name is longer
// than 9 bytes; "plaintext" is checked by the caller, which still has the bytes).
NameKind ClassifyName(uint64_t packed, size_t length) {
  if (length > 8) return NameKind::kNormal;
  switch (packed) {
    case PackName("p"): case PackName("br"): case PackName("hr"): case PackName("li"):
    case PackName("td"): case PackName("th"): case PackName("tr"): case PackName("dt"):
    case PackName("dd"): case PackName("rp"): case PackName("rt"): case PackName("col"):
    case PackName("img"): case PackName("wbr"): case PackName("area"): case PackName("base"):
    case PackName("link"): case PackName("meta"): case PackName("html"): case PackName("head"):
    case PackName("body"): case PackName("embed"): case PackName("input"): case PackName("param"):
    case PackName("track"): case PackName("tbody"): case PackName("thead"): case PackName("tfoot"):
    case PackName("frame"): case PackName("image"): case PackName("source"):
    case PackName("option"): case PackName("keygen"): case PackName("caption"):
    case PackName("isindex"): case PackName("bgsound"): case PackName("colgroup"):
    case PackName("optgroup"): case PackName("basefont"):
      return NameKind::kSelfClosing;
    case PackName("script"): case PackName("style"): case PackName("textarea"):
    case PackName("title"): case PackName("xmp"): case PackName("iframe"):
    case PackName("noembed"): case PackName("noframes"):
      return NameKind::kRawText;
    default:
      return NameKind::kNormal;
  }
}

// `s` lower-cased equals `lower`.
bool LowerEquals(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t k = 0; k < s.size(); ++k) {
    if (kNameByte[static_cast<uint8_t>(s[k])] != static_cast<uint8_t>(lower[k])) return false;
  }
  return true;
}

// The first "<" + needle[1..] at or after `from`, ASCII case ignored (needle is lower-case).
size_t FindCaseless(std::string_view hay, std::string_view needle, size_t from) {
  const char* const begin = hay.data();
  const char* const end = begin + hay.size();
  for (const char* p = FindByte(begin + from, end, '<'); p; p = FindByte(p + 1, end, '<')) {
    if (static_cast<size_t>(end - p) < needle.size()) return std::string_view::npos;
    bool match = true;
    for (size_t k = 1; k < needle.size() && match; ++k) {
      char c = p[k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      match = c == needle[k];
    }
    if (match) return static_cast<size_t>(p - begin);
  }
  return std::string_view::npos;
}

}  // namespace

bool LimitNesting(std::string_view html, uint32_t max_depth, std::string& out) {
  out.clear();
  std::vector<std::pair<size_t, size_t>> cuts;  // [begin, end) ranges to remove
  uint32_t depth = 0;
  uint64_t suppressed = 0;  // start tags removed and not yet matched by an end tag
  size_t i = 0;
  const size_t n = html.size();
  const char* const data = html.data();
  while (i < n) {
    const char* lt = FindByte(data + i, data + n, '<');
    if (!lt) break;
    i = static_cast<size_t>(lt - data);
    if (i + 3 < n && data[i + 1] == '!' && data[i + 2] == '-' && data[i + 3] == '-') {
      size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    bool closing = i + 1 < n && data[i + 1] == '/';
    size_t name_start = i + 1 + (closing ? 1 : 0);
    size_t name_end = name_start;
    uint64_t packed = 0;  // the first 8 bytes of the name, lower-cased (PackName)
    for (uint8_t b; name_end < n && (b = kNameByte[static_cast<uint8_t>(data[name_end])]) != 0; ++name_end) {
      if (name_end - name_start < 8) packed |= uint64_t{b} << (8 * (name_end - name_start));
    }
    if (name_end == name_start) {
      ++i;
      continue;
    }
    // Most tags end right after the name ("</div>", "<p>"): no search for those.
    const char* gt_ptr = name_end < n && data[name_end] == '>' ? data + name_end
                                                               : FindByte(data + name_end, data + n, '>');
    if (!gt_ptr) break;
    size_t gt = static_cast<size_t>(gt_ptr - data);
    size_t length = name_end - name_start;
    NameKind kind = ClassifyName(packed, length);
    if (length == 9 && LowerEquals(html.substr(name_start, 9), "plaintext")) kind = NameKind::kRawText;
    if (closing) {
      if (kind != NameKind::kSelfClosing) {
        if (suppressed > 0) {
          --suppressed;
          cuts.emplace_back(i, gt + 1);
        } else if (depth > 0) {
          --depth;
        }
      }
      i = gt + 1;
      continue;
    }
    if (kind == NameKind::kRawText) {
      char end_tag[11] = {'<', '/'};  // "</" and the name (at most 9 bytes), lower-case
      for (size_t k = 0; k < length; ++k) end_tag[2 + k] = static_cast<char>(kNameByte[static_cast<uint8_t>(data[name_start + k])]);
      size_t end = FindCaseless(html, std::string_view(end_tag, length + 2), gt + 1);
      if (end == std::string_view::npos) break;
      i = end;  // its end tag is handled as an ordinary (non-counted) end tag next
      ++depth;
      continue;
    }
    bool self = data[gt - 1] == '/' || kind == NameKind::kSelfClosing;
    if (!self) {
      if (depth >= max_depth) {
        ++suppressed;
        cuts.emplace_back(i, gt + 1);
      } else {
        ++depth;
      }
    }
    i = gt + 1;
  }
  if (cuts.empty()) return false;
  out.reserve(html.size());
  size_t pos = 0;
  for (const auto& [b, e] : cuts) {
    out.append(html.substr(pos, b - pos));
    pos = e;
  }
  out.append(html.substr(pos));
  return true;
}

void ParseOnly(std::string_view utf8_html) {
  myhtml_tree_t* tree = myhtml_tree_create();
  if (myhtml_tree_init(tree, ThreadParser()) == MyHTML_STATUS_OK) {
    myhtml_parse(tree, MyENCODING_UTF_8, utf8_html.data(), utf8_html.size());
  }
  myhtml_tree_destroy(tree);
}

}  // namespace sitrep::web
