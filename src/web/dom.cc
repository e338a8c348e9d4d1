#include "web/dom.h"

#include <algorithm>

#include <myhtml/api.h>

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

HtmlDom::~HtmlDom() = default;

std::unique_ptr<HtmlDom> HtmlDom::Parse(std::string_view utf8_html, uint32_t max_nodes) {
  std::unique_ptr<HtmlDom> dom(new HtmlDom());
  dom->rep_ = std::make_unique<Rep>();
  myhtml_tree_t* tree = myhtml_tree_create();
  dom->rep_->tree = tree;
  DomNode document;
  document.tag = Tag::kDocument;
  document.name = "#document";
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

  // Iterative pre-order walk (deeply nested markup must not exhaust the stack).
  std::vector<uint32_t> open;  // indices of the ancestors of the next node
  open.push_back(0);
  myhtml_tree_node_t* node = myhtml_node_child(myhtml_tree_get_document(tree));
  auto& nodes = dom->nodes_;
  nodes.reserve(utf8_html.size() / 40 + 16);
  while (node) {
    if (nodes.size() >= max_nodes) {
      dom->truncated_ = true;
      break;
    }
    DomNode out;
    myhtml_tag_id_t id = myhtml_node_tag_id(node);
    out.tag = MapTag(id);
    out.parent = open.back();
    out.depth = static_cast<uint32_t>(open.size());
    size_t length = 0;
    if (id == MyHTML_TAG__TEXT || id == MyHTML_TAG__COMMENT) {
      const char* text = myhtml_node_text(node, &length);
      if (text) out.text = std::string_view(text, length);
      out.name = id == MyHTML_TAG__TEXT ? "#text" : "#comment";
    } else {
      const char* name = myhtml_tag_name_by_id(tree, id, &length);
      if (name) out.name = std::string_view(name, length);
      out.attr_begin = static_cast<uint32_t>(dom->attributes_.size());
      for (myhtml_tree_attr_t* a = myhtml_node_attribute_first(node); a; a = myhtml_attribute_next(a)) {
        size_t key_length = 0, value_length = 0;
        const char* key = myhtml_attribute_key(a, &key_length);
        const char* value = myhtml_attribute_value(a, &value_length);
        DomAttribute attribute;
        if (key) attribute.key = std::string_view(key, key_length);
        if (value) attribute.value = std::string_view(value, value_length);
        dom->attributes_.push_back(attribute);
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
    uint32_t index = static_cast<uint32_t>(nodes.size());
    nodes.push_back(out);
    // Descend, else move to the next sibling, else climb, closing finished subtrees.
    if (myhtml_tree_node_t* child = myhtml_node_child(node)) {
      open.push_back(index);
      node = child;
      continue;
    }
    nodes[index].end = index + 1;
    while (node && !myhtml_node_next(node)) {
      node = myhtml_node_parent(node);
      if (open.size() <= 1) {
        node = nullptr;
        break;
      }
      nodes[open.back()].end = static_cast<uint32_t>(nodes.size());
      open.pop_back();
    }
    if (node) node = myhtml_node_next(node);
  }
  // Close whatever is still open (normal end, or truncation).
  for (uint32_t i : open) nodes[i].end = static_cast<uint32_t>(nodes.size());
  for (auto& n : nodes) {
    if (n.end <= 0) n.end = static_cast<uint32_t>(nodes.size());
  }
  return dom;
}

std::string_view HtmlDom::Attr(uint32_t i, std::string_view key) const {
  const DomNode& n = nodes_[i];
  for (uint32_t a = n.attr_begin; a < n.attr_begin + n.attr_count; ++a) {
    if (attributes_[a].key == key) return attributes_[a].value;
  }
  return {};
}

uint32_t HtmlDom::Find(Tag tag) const {
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].tag == tag) return i;
  }
  return 0;
}

namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == ':' || c == '_';
}

std::string LowerName(std::string_view s) {
  char buffer[16];
  size_t n = std::min<size_t>(s.size(), sizeof(buffer));
  for (size_t i = 0; i < n; ++i) buffer[i] = static_cast<char>(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
  return std::string(buffer, n);  // short: stays in the small-string buffer, no allocation
}

// Elements that never stay open on the stack: void elements and those whose end tag is implied
// by the next sibling (so a page of unclosed <p> or <li> is not deep).
bool SelfClosing(const std::string& name) {
  // By length first: most tags (div, span, a) are rejected after one or two compares.
  switch (name.size()) {
    case 1: return name[0] == 'p';
    case 2:
      return name == "br" || name == "hr" || name == "li" || name == "td" || name == "th" ||
             name == "tr" || name == "dt" || name == "dd" || name == "rp" || name == "rt";
    case 3: return name == "col" || name == "img" || name == "wbr";
    case 4:
      return name == "area" || name == "base" || name == "link" || name == "meta" ||
             name == "html" || name == "head" || name == "body";
    case 5:
      return name == "embed" || name == "input" || name == "param" || name == "track" ||
             name == "tbody" || name == "thead" || name == "tfoot" || name == "frame" ||
             name == "image";
    case 6: return name == "source" || name == "option" || name == "keygen";
    case 7: return name == "caption" || name == "isindex" || name == "bgsound";
    case 8: return name == "colgroup" || name == "optgroup" || name == "basefont";
    default: return false;
  }
}

// Elements whose content is raw text: skip to their end tag.
bool RawText(const std::string& name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes" ||
         name == "plaintext";
}

size_t FindCaseless(std::string_view hay, std::string_view needle, size_t from) {
  for (size_t i = hay.find('<', from); i != std::string_view::npos; i = hay.find('<', i + 1)) {
    if (i + needle.size() > hay.size()) return std::string_view::npos;
    bool match = true;
    for (size_t k = 0; k < needle.size() && match; ++k) {
      char c = hay[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      match = c == needle[k];
    }
    if (match) return i;
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
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    bool closing = i + 1 < n && html[i + 1] == '/';
    size_t name_start = i + 1 + (closing ? 1 : 0);
    size_t name_end = name_start;
    while (name_end < n && IsNameChar(html[name_end])) ++name_end;
    if (name_end == name_start) {
      ++i;
      continue;
    }
    size_t gt = html.find('>', name_end);
    if (gt == std::string_view::npos) break;
    std::string name = LowerName(html.substr(name_start, name_end - name_start));
    if (closing) {
      if (!SelfClosing(name)) {
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
    if (RawText(name)) {
      size_t end = FindCaseless(html, "</" + name, gt + 1);
      if (end == std::string_view::npos) break;
      i = end;  // its end tag is handled as an ordinary (non-counted) end tag next
      if (!SelfClosing(name)) ++depth;
      continue;
    }
    bool self = html[gt - 1] == '/' || SelfClosing(name);
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
