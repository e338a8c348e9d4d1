// Internal: sitrep's small DOM over an HTML5 parser (myhtml). The parse result is flattened
// into a vector of nodes in document (pre-)order, so the extractor walks arrays, never the
// parser's pointers: node i's descendants are exactly i+1 .. end-1, and aggregating bottom-up is
// a reverse loop. Text and attribute views point into memory owned by the HtmlDom.
// Thread safety: an HtmlDom is not shared; Parse uses one parser per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::web {

// The tags the extractor tells apart; everything else is kOther (its name is still kept).
enum class Tag : uint8_t {
  kOther, kText, kComment, kDocument,
  kHtml, kHead, kBody, kTitle, kMeta, kLink, kScript, kStyle, kNoscript, kTemplate,
  kP, kDiv, kSpan, kA, kBr, kHr, kH1, kH2, kH3, kH4, kH5, kH6,
  kUl, kOl, kLi, kDl, kDt, kDd, kTable, kTr, kTd, kTh, kTbody, kThead, kCaption,
  kBlockquote, kPre, kCode, kFigure, kFigcaption, kImg, kPicture, kVideo, kAudio, kSource,
  kArticle, kSection, kMain, kHeader, kFooter, kNav, kAside, kAddress, kTime,
  kForm, kButton, kInput, kSelect, kOption, kTextarea, kLabel, kIframe, kSvg, kMath, kCanvas,
  kObject, kEmbed, kDialog, kMenu, kSummary, kDetails,
  kB, kStrong, kI, kEm, kU, kSmall, kSub, kSup, kCite, kQ, kAbbr, kMark, kFont, kCenter,
};

struct DomAttribute {
  std::string_view key;    // lower-case
  std::string_view value;  // entities decoded
};

// 80 bytes: every pass of the extractor walks the whole array, so it is kept small (the tag
// name is looked up on demand, HtmlDom::Name).
struct DomNode {
  Tag tag = Tag::kOther;
  bool hidden = false;       // hidden, aria-hidden="true" or an inline display:none
  uint32_t parent = 0;       // the document node is its own parent
  uint32_t end = 0;          // one past the last descendant (pre-order)
  uint32_t depth = 0;
  uint32_t attr_begin = 0;   // into HtmlDom::attributes
  uint32_t attr_count = 0;
  uint32_t parser_tag = 0;   // the parser's tag id (for Name)
  std::string_view klass;    // the class attribute (looked up once, at parse time)
  std::string_view id;       // the id attribute
  std::string_view text;     // text and comment nodes: their text
};

inline constexpr uint32_t kMaxDepth = 512;

class HtmlDom {
 public:
  // Parses UTF-8 HTML. Never fails: any byte string gives a tree (HTML5 error recovery).
  // `max_nodes` bounds memory on hostile input; nodes past it are dropped (truncated() says so).
  static std::unique_ptr<HtmlDom> Parse(std::string_view utf8_html, uint32_t max_nodes = 4u << 20);
  ~HtmlDom();

  const std::vector<DomNode>& nodes() const { return nodes_; }
  const DomNode& node(uint32_t i) const { return nodes_[i]; }
  // The value of attribute `key` (lower-case) of node i, or "" when it has none.
  std::string_view Attr(uint32_t i, std::string_view key) const {
    const DomNode& n = nodes_[i];
    for (uint32_t a = n.attr_begin; a < n.attr_begin + n.attr_count; ++a) {
      std::string_view k = attributes_[a].key;
      // First bytes before the full compare: most attributes differ there already.
      if (k.size() == key.size() && (k.empty() || k[0] == key[0]) && k == key) return attributes_[a].value;
    }
    return {};
  }
  // Tag name, lower-case ("#text", "#comment", "#document" for those nodes).
  std::string_view Name(uint32_t i) const;
  const std::vector<DomAttribute>& attributes() const { return attributes_; }
  bool truncated() const { return truncated_; }
  bool flattened() const { return flattened_; }  // nesting over kMaxDepth was removed
  // Index of the first element with this tag, or 0 (the document) when none.
  uint32_t Find(Tag tag) const;

 private:
  HtmlDom() = default;
  std::vector<DomNode> nodes_;
  std::vector<DomAttribute> attributes_;
  bool truncated_ = false;
  bool flattened_ = false;
  struct Rep;
  std::unique_ptr<Rep> rep_;  // keeps the parser's tree (owner of the text) alive
};

// Browsers cap the DOM's depth (Chromium: 512); HTML5 tree construction scans the stack of open
// elements for many start tags, so unbounded nesting costs time quadratic in the depth. This
// removes start tags (and their end tags) that would open elements deeper than max_depth, by a
// cheap scan of the markup that ignores elements closing themselves (void elements, p, li, td,
// option...). Returns false and leaves `out` empty when nothing had to be removed.
bool LimitNesting(std::string_view html, uint32_t max_depth, std::string& out);

// Parse only: builds myhtml's tree and drops it (the floor the extractor is measured against).
void ParseOnly(std::string_view utf8_html);

}  // namespace sitrep::web
