// Main-text extraction: a readability-style content score over the flattened DOM.
//
// Why this shape: paragraphs vote for their ancestors (commas and length), the best-scored
// container wins, siblings that score close to it join, and containers inside it that look like
// link lists, forms or widgets are dropped ("conditional cleaning"). Elements whose class or id
// names a widget ("share", "related", "newsletter"...) are removed before scoring, except when
// they hold most of the page's text (sites do name their article wrapper "post-sharing-on").
#include "web/extract.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <simdjson.h>

#include "web/scan.h"

namespace sitrep::web {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Tags whose content is never article text.
bool IsSkippedTag(Tag t) {
  switch (t) {
    case Tag::kScript: case Tag::kStyle: case Tag::kNoscript: case Tag::kTemplate: case Tag::kSvg:
    case Tag::kMath: case Tag::kIframe: case Tag::kObject: case Tag::kEmbed: case Tag::kCanvas:
    case Tag::kSelect: case Tag::kOption: case Tag::kTextarea: case Tag::kButton: case Tag::kInput:
    case Tag::kHead: case Tag::kTitle: case Tag::kMeta: case Tag::kLink: case Tag::kComment:
    case Tag::kDialog: case Tag::kVideo: case Tag::kAudio: case Tag::kPicture: case Tag::kLabel:
      return true;
    default:
      return false;
  }
}

// Page furniture by tag: removed unless it holds most of the text.
bool IsFurnitureTag(Tag t) {
  return t == Tag::kNav || t == Tag::kAside || t == Tag::kFooter || t == Tag::kHeader ||
         t == Tag::kMenu || t == Tag::kForm || t == Tag::kFigcaption;
}

bool IsBlockTag(Tag t) {
  switch (t) {
    case Tag::kP: case Tag::kDiv: case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4:
    case Tag::kH5: case Tag::kH6: case Tag::kUl: case Tag::kOl: case Tag::kLi: case Tag::kDl:
    case Tag::kDt: case Tag::kDd: case Tag::kTable: case Tag::kTr: case Tag::kTd: case Tag::kTh:
    case Tag::kBlockquote: case Tag::kPre: case Tag::kFigure: case Tag::kFigcaption:
    case Tag::kArticle: case Tag::kSection: case Tag::kMain: case Tag::kHeader: case Tag::kFooter:
    case Tag::kNav: case Tag::kAside: case Tag::kAddress: case Tag::kForm: case Tag::kHr:
    case Tag::kBr: case Tag::kDetails: case Tag::kSummary: case Tag::kCaption: case Tag::kBody:
    case Tag::kCenter: case Tag::kTbody: case Tag::kThead:
      return true;
    default:
      return false;
  }
}

bool IsHeading(Tag t) {
  return t == Tag::kH1 || t == Tag::kH2 || t == Tag::kH3 || t == Tag::kH4 || t == Tag::kH5 ||
         t == Tag::kH6;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

// Class/id words. Distinctive widget words match anywhere in a token ("social-links",
// "js-comments"); short or ambiguous ones only as a whole part between - and _ ("nav", "ad"),
// because "pagebuilder-pagerow" is not a pager and "content-with-sidebar-wrp" holds the article.
constexpr std::array<std::string_view, 21> kWidgetSubstrings = {
    "comment", "social", "related", "newsletter", "outbrain", "taboola", "disqus", "cookie",
    "recommend", "breadcrumb", "sponsor", "advert", "subscri", "popup", "gdpr",
    "consent", "share", "sharing", "sr-only", "visually-hidden", "screen-reader"};
constexpr std::array<std::string_view, 21> kWidgetParts = {
    "sidebar", "footer", "pager", "pagination", "nav", "navbar", "navigation", "menu", "ad", "ads",
    "masthead", "banner", "toolbar", "breadcrumbs", "byline", "tags", "print", "modal",
    "promo", "trending", "popular"};
constexpr std::array<std::string_view, 11> kNegativeParts = {
    "widget", "hide", "meta", "tools", "caption", "credit", "timestamp", "author", "dateline", "tag", "adv"};
constexpr std::array<std::string_view, 13> kPositive = {
    "article", "body", "content", "entry", "main", "post", "text", "story", "blog", "prose",
    "rich-text", "richtext", "hentry"};

struct ClassInfo {
  int weight = 0;             // readability's class weight: +25 positive, -25 negative
  bool widget = false;        // names a widget: removed unless it holds the article
};

// What the words of one class or id attribute say. The words of "class id" are the union of the
// two attributes' words (no listed word holds a space), so each attribute is classified (and
// cached) on its own and the flags are or-ed.
struct NameFlags {
  bool widget = false, negative = false, positive = false;
  NameFlags& operator|=(NameFlags o) {
    widget |= o.widget;
    negative |= o.negative;
    positive |= o.positive;
    return *this;
  }
};

// A part of up to 8 bytes packed into one integer (names hold no zero bytes).
constexpr uint64_t PackWord(std::string_view s) {
  uint64_t v = 0;
  for (size_t i = 0; i < s.size() && i < 8; ++i) v |= uint64_t{static_cast<uint8_t>(s[i])} << (8 * i);
  return v;
}

// The short words of kWidgetParts and kNegativeParts packed and sorted, for a binary search
// instead of 32 string compares per part.
constexpr auto kPackedParts = [] {
  std::array<uint64_t, kWidgetParts.size() + kNegativeParts.size()> out{};
  size_t n = 0;
  for (auto w : kWidgetParts) out[n++] = w.size() <= 8 ? PackWord(w) : 0;
  for (auto w : kNegativeParts) out[n++] = w.size() <= 8 ? PackWord(w) : 0;
  std::sort(out.begin(), out.end());
  return out;
}();

// A part of at most 8 bytes, given packed (lower-cased) and as read, is one of the short words.
bool IsNegativePacked(uint64_t packed, std::string_view part) {
  // A zero byte would pack like a shorter word: such parts match nothing.
  return std::binary_search(kPackedParts.begin(), kPackedParts.end(), packed) &&
         part.find('\0') == std::string_view::npos;
}

bool LowerMatchAt(std::string_view s, size_t at, std::string_view word);

// A part longer than 8 bytes, as read (any case), is one of the long words.
bool IsNegativeLongPart(std::string_view part) {
  for (auto w : kWidgetParts) {
    if (w.size() == part.size() && LowerMatchAt(part, 0, w)) return true;
  }
  for (auto w : kNegativeParts) {
    if (w.size() == part.size() && LowerMatchAt(part, 0, w)) return true;
  }
  return false;
}

// The substring words by their first byte, so each position of a name is checked against the
// few words that start with its byte instead of every word being searched for in turn.
// A bitmap of the words' first two bytes lets almost every position be skipped with one lookup.
struct SubstringIndex {
  struct Word {
    std::string_view text;
    bool widget;  // else positive
  };
  std::array<std::vector<Word>, 256> by_first;
  std::array<uint64_t, 65536 / 64> first_two{};
  static uint32_t Pair(char a, char b) { return static_cast<uint8_t>(a) | static_cast<uint32_t>(static_cast<uint8_t>(b)) << 8; }
  bool MayStart(char a, char b) const { return first_two[Pair(a, b) >> 6] >> (Pair(a, b) & 63) & 1; }
  void Add(std::string_view w, bool widget) {
    by_first[static_cast<uint8_t>(w[0])].push_back({w, widget});
    first_two[Pair(w[0], w[1]) >> 6] |= uint64_t{1} << (Pair(w[0], w[1]) & 63);  // every word has >= 2 bytes
  }
  SubstringIndex() {
    for (auto w : kWidgetSubstrings) Add(w, true);
    for (auto w : kPositive) Add(w, false);
  }
};

constexpr std::array<char, 256> kLowerAscii = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

char Lower(char c) { return kLowerAscii[static_cast<uint8_t>(c)]; }

// `s` lower-cased starts with `word` (lower-case) at `at`.
bool LowerMatchAt(std::string_view s, size_t at, std::string_view word) {
  if (word.size() > s.size() - at) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (Lower(s[at + k]) != word[k]) return false;
  }
  return true;
}

// One pass over the name, lower-casing byte by byte (no copy): parts between '-', '_' and
// whitespace are packed as they are read, substring words are tried where the first-two-bytes
// bitmap allows.
NameFlags ClassifyName(std::string_view name) {
  static const SubstringIndex index;
  NameFlags flags;
  const size_t n = name.size();
  size_t part_start = 0;
  uint64_t packed = 0;  // PackWord of the current part's first 8 bytes, lower-cased
  char c = n ? Lower(name[0]) : ' ';
  for (size_t i = 0; i <= n; ++i) {
    char next = i + 1 < n ? Lower(name[i + 1]) : ' ';
    if (c == '-' || c == '_' || IsAsciiSpace(c)) {
      size_t length = i - part_start;
      if (length > 0 && !flags.negative) {
        if (length <= 8 ? IsNegativePacked(packed, name.substr(part_start, length))
                        : IsNegativeLongPart(name.substr(part_start, length))) {
          flags.negative = true;
        }
      }
      part_start = i + 1;
      packed = 0;
    } else if (i - part_start < 8) {
      packed |= uint64_t{static_cast<uint8_t>(c)} << (8 * (i - part_start));
    }
    if (i + 1 < n && index.MayStart(c, next)) {
      for (const auto& word : index.by_first[static_cast<uint8_t>(c)]) {
        if (!(word.widget ? flags.widget : flags.positive) && LowerMatchAt(name, i, word.text)) {
          (word.widget ? flags.widget : flags.positive) = true;
        }
      }
    }
    c = next;
  }
  return flags;
}

// Class attribute -> flags for one page: open addressing over string views into the page, slots
// of older pages told apart by a generation number (so a new page clears nothing), no allocation
// per entry. Class strings repeat ("story-item" a hundred times) and are classified once.
class ClassCache {
 public:
  void NewPage() {
    if (slots_.empty()) slots_.resize(256);
    if (++generation_ == 0) {  // wrapped: old slots could look current
      std::fill(slots_.begin(), slots_.end(), Slot{});
      generation_ = 1;
    }
    used_ = 0;
  }

  NameFlags Get(std::string_view key) {
    size_t mask = slots_.size() - 1;
    for (size_t i = Hash(key) & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.generation != generation_) {
        NameFlags flags = ClassifyName(key);
        slot = Slot{key, flags, generation_};
        if (++used_ * 2 > slots_.size()) Grow();
        return flags;
      }
      if (slot.key == key) return slot.flags;
    }
  }

  // Drops the table after a page that made it large.
  void Trim() {
    if (slots_.size() > 4096) *this = ClassCache();
  }

 private:
  struct Slot {
    std::string_view key;
    NameFlags flags;
    uint32_t generation = 0;
  };

  static size_t Hash(std::string_view s) {
    uint64_t h = s.size() * 0x9E3779B97F4A7C15ull;
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }
    uint64_t tail = 0;
    std::memcpy(&tail, s.data() + i, s.size() - i);
    h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.generation != generation_) continue;
      size_t i = Hash(slot.key) & mask;
      while (slots_[i].generation == generation_) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  uint32_t generation_ = 0;
  size_t used_ = 0;
};

ClassInfo InfoFromFlags(NameFlags flags) {
  ClassInfo info;
  info.widget = flags.widget;
  if (flags.negative || flags.widget) info.weight -= 25;
  if (flags.positive) info.weight += 25;
  return info;
}

struct Stats {
  uint32_t direct_chars = 0;   // text whose nearest block ancestor is this element
  uint32_t direct_commas = 0;
  uint32_t chars = 0;       // non-space bytes of text
  uint32_t link_chars = 0;  // ... of which inside <a>
  uint32_t commas = 0;
  uint16_t p_count = 0, img_count = 0, li_count = 0, input_count = 0, embed_count = 0;
  bool has_block_child = false;
};

// The per-node arrays of one extraction. Kept per thread and reused: a page is extracted in
// less time than allocating and zeroing fresh arrays took (released after huge pages).
struct ExtractorBuffers {
  std::vector<uint8_t> removed;  // bytes, not bits: read for every node in every pass
  std::vector<uint32_t> block_of;
  std::vector<uint32_t> raw;
  std::vector<TextCounts> text_counts;
  std::vector<ClassInfo> class_info;
  ClassCache class_cache;
  std::vector<uint8_t> in_link;
  std::vector<Stats> stats;
  std::vector<double> score;
  std::vector<uint8_t> scored;
};

const char* DebugNeedle() {
  static const char* needle = std::getenv("SITREP_WEB_DEBUG");
  return needle;
}

class Extractor {
 public:
  Extractor(const HtmlDom& dom, const PageMetadata& metadata, ExtractorBuffers& buffers)
      : dom_(dom), metadata_(metadata), n_(static_cast<uint32_t>(dom.nodes().size())),
        removed_(buffers.removed), block_of_(buffers.block_of), raw_(buffers.raw),
        text_counts_(buffers.text_counts), class_info_(buffers.class_info),
        class_cache_(buffers.class_cache), in_link_(buffers.in_link), stats_(buffers.stats),
        score_(buffers.score), scored_(buffers.scored) {
    class_cache_.NewPage();
  }

  std::vector<std::string> Run() {
    if (n_ <= 1) return {};
    ComputeRemoved();
    ComputeStats();
    std::vector<uint32_t> roots = SelectRoots();
    if (DebugNeedle()) DebugPrint(roots);
    std::vector<std::string> paragraphs;
    for (uint32_t root : roots) Emit(root, paragraphs);
    return paragraphs;
  }

 private:
  const DomNode& N(uint32_t i) const { return dom_.node(i); }

  // Class names repeat across a page ("story-item" a hundred times): classify each once.
  ClassInfo Classify(const DomNode& node) {
    if (node.klass.empty() && node.id.empty()) return ClassInfo{};
    NameFlags flags;
    if (!node.klass.empty()) {
      flags = class_cache_.Get(node.klass);
    }
    if (!node.id.empty()) flags |= ClassifyName(node.id);  // ids are unique: no cache
    return InfoFromFlags(flags);
  }

  double LinkDensity(uint32_t i) const {
    return stats_[i].chars ? static_cast<double>(stats_[i].link_chars) / stats_[i].chars : 0.0;
  }

  void ComputeRemoved() {
    // Paragraph text per subtree first (text whose nearest block is a <p>), so that a
    // widget-named wrapper of the article itself is never removed.
    block_of_.assign(n_, 0);
    std::vector<uint32_t>& block_of = block_of_;
    for (uint32_t i = 1; i < n_; ++i) {
      uint32_t p = N(i).parent;
      block_of[i] = IsBlockTag(N(p).tag) && N(p).tag != Tag::kBr ? p : block_of[p];
    }
    std::vector<uint32_t>& raw = raw_;
    raw.assign(n_, 0);
    text_counts_.assign(n_, TextCounts{});
    for (uint32_t i = n_; i-- > 1;) {
      const DomNode& node = N(i);
      if (IsSkippedTag(node.tag)) {
        raw[i] = 0;
      } else if (node.tag == Tag::kText && !IsSkippedTag(N(node.parent).tag)) {
        // Running text: inside a <p>, or a long stretch anywhere (sites that write articles
        // as text between <br>s in divs and spans).
        TextCounts counts = CountText(node.text);
        text_counts_[i] = counts;
        uint32_t c = counts.non_space;
        if (N(block_of[i]).tag == Tag::kP || c >= 60) raw[i] = c;
      }
      if (node.parent != i) raw[node.parent] += raw[i];
    }
    uint32_t total = std::max<uint32_t>(raw[0], 1);
    removed_.assign(n_, false);
    class_info_.assign(n_, ClassInfo{});
    for (uint32_t i = 1; i < n_; ++i) {
      const DomNode& node = N(i);
      if (removed_[node.parent]) {
        removed_[i] = true;
        continue;
      }
      if (node.tag == Tag::kText) continue;
      if (IsSkippedTag(node.tag) || node.tag == Tag::kComment) {
        removed_[i] = true;
        continue;
      }
      class_info_[i] = Classify(node);
      bool structural = node.tag == Tag::kHtml || node.tag == Tag::kBody || node.tag == Tag::kMain ||
                        node.tag == Tag::kArticle;
      bool holds_most = raw[i] > total / 2;
      if (!structural && !holds_most &&
          (class_info_[i].widget || IsFurnitureTag(node.tag) || node.hidden)) {
        removed_[i] = true;
      }
      std::string_view role = node.attr_count ? dom_.Attr(i, "role") : std::string_view();
      if (!holds_most && (role == "navigation" || role == "complementary" || role == "banner" ||
                          role == "contentinfo" || role == "dialog" || role == "alert")) {
        removed_[i] = true;
      }
    }
  }

  void ComputeStats() {
    stats_.assign(n_, Stats{});
    std::vector<uint8_t>& in_link = in_link_;
    in_link.assign(n_, 0);
    for (uint32_t i = 1; i < n_; ++i) {
      in_link[i] = in_link[N(i).parent] || N(i).tag == Tag::kA;
    }
    for (uint32_t i = n_; i-- > 1;) {
      const DomNode& node = N(i);
      if (removed_[i]) continue;
      Stats& s = stats_[i];
      switch (node.tag) {
        case Tag::kText: {
          // Counted once, in ComputeRemoved: a text node that is not removed is never under a
          // skipped tag (those are removed with their subtree).
          uint32_t c = text_counts_[i].non_space, commas = text_counts_[i].commas;
          s.chars = c;
          s.commas = commas;
          if (in_link[i]) s.link_chars = c;
          stats_[block_of_[i]].direct_chars += c;
          stats_[block_of_[i]].direct_commas += commas;
          break;
        }
        case Tag::kP: ++s.p_count; break;
        case Tag::kImg: ++s.img_count; break;
        case Tag::kLi: ++s.li_count; break;
        case Tag::kInput: case Tag::kSelect: case Tag::kTextarea: ++s.input_count; break;
        case Tag::kIframe: case Tag::kEmbed: case Tag::kObject: case Tag::kVideo: ++s.embed_count; break;
        default: break;
      }
      Stats& p = stats_[node.parent];
      p.chars += s.chars;
      p.link_chars += s.link_chars;
      p.commas += s.commas;
      p.p_count += s.p_count;
      p.img_count += s.img_count;
      p.li_count += s.li_count;
      p.input_count += s.input_count;
      p.embed_count += s.embed_count;
      if (IsBlockTag(node.tag) && node.tag != Tag::kBr) p.has_block_child = true;
    }
  }

  int TagBaseScore(Tag t) const {
    switch (t) {
      case Tag::kDiv: case Tag::kArticle: case Tag::kMain: return 5;
      case Tag::kPre: case Tag::kTd: case Tag::kBlockquote: return 3;
      case Tag::kAddress: case Tag::kOl: case Tag::kUl: case Tag::kDl: case Tag::kDd:
      case Tag::kDt: case Tag::kLi: case Tag::kForm: return -3;
      case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
      case Tag::kTh: return -5;
      default: return 0;
    }
  }

  bool IsScorableParagraph(uint32_t i) const {
    Tag t = N(i).tag;
    if (t == Tag::kP || t == Tag::kPre || t == Tag::kTd || t == Tag::kBlockquote) return true;
    // Containers of inline content only count as paragraphs (text written straight in a div).
    return (t == Tag::kDiv || t == Tag::kSection || t == Tag::kArticle || t == Tag::kSpan ||
            t == Tag::kOther) && !stats_[i].has_block_child;
  }

  std::vector<uint32_t> SelectRoots() {
    score_.assign(n_, 0.0);
    scored_.assign(n_, false);
    auto init = [&](uint32_t a) {
      if (!scored_[a]) {
        scored_[a] = true;
        score_[a] = TagBaseScore(N(a).tag) + class_info_[a].weight;
      }
    };
    for (uint32_t i = 1; i < n_; ++i) {
      if (removed_[i] || N(i).tag == Tag::kText) continue;
      uint32_t first;
      double content;
      if (IsScorableParagraph(i)) {
        if (stats_[i].chars < 25) continue;
        content = 1.0 + stats_[i].commas + std::min(stats_[i].chars / 100u, 3u);
        first = N(i).parent;
      } else if (IsBlockTag(N(i).tag) && stats_[i].direct_chars >= 25 && !IsHeading(N(i).tag) &&
                 N(i).tag != Tag::kLi && N(i).tag != Tag::kBody) {
        // Text written straight into a container between its blocks ("text<br>text<div>"):
        // scored as if wrapped in a paragraph of its own inside the container.
        content = 1.0 + stats_[i].direct_commas + std::min(stats_[i].direct_chars / 100u, 3u);
        first = i;
      } else {
        continue;
      }
      uint32_t a = first;
      for (int level = 0; level < 5 && a != 0; ++level, a = N(a).parent) {
        if (N(a).tag == Tag::kHtml) break;
        init(a);
        double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
        score_[a] += content / divider;
      }
    }
    uint32_t body = dom_.Find(Tag::kBody);
    std::vector<uint32_t> candidates;
    for (uint32_t i = 1; i < n_; ++i) {
      if (!scored_[i]) continue;
      score_[i] *= 1.0 - LinkDensity(i);
      candidates.push_back(i);
    }
    if (candidates.empty()) return {body ? body : 0u};
    std::sort(candidates.begin(), candidates.end(),
              [&](uint32_t a, uint32_t b) { return score_[a] > score_[b]; });
    uint32_t top = candidates[0];
    // Several strong candidates inside one ancestor: the article is that ancestor.
    std::vector<uint32_t> alternatives;
    for (size_t k = 1; k < std::min<size_t>(candidates.size(), 5); ++k) {
      if (score_[candidates[k]] >= 0.75 * score_[top]) alternatives.push_back(candidates[k]);
    }
    if (alternatives.size() >= 3) {
      for (uint32_t a = N(top).parent; a != 0 && N(a).tag != Tag::kBody; a = N(a).parent) {
        int inside = 0;
        for (uint32_t alt : alternatives) inside += alt > a && alt < N(a).end;
        if (inside >= 3) {
          top = a;
          break;
        }
      }
    }
    // Climb while the parent scores higher (the text is split over several children).
    {
      double last = score_[top];
      double threshold = last / 3;
      for (uint32_t p = N(top).parent; p != 0 && N(p).tag != Tag::kBody && N(p).tag != Tag::kHtml;
           p = N(p).parent) {
        if (!scored_[p]) continue;
        if (score_[p] < threshold) break;
        if (score_[p] > last) {
          top = p;
          break;
        }
        last = score_[p];
      }
    }
    // An only child adds nothing: use its parent.
    for (uint32_t p = N(top).parent; p != 0 && N(p).tag != Tag::kBody && N(p).tag != Tag::kHtml;
         p = N(p).parent) {
      if (stats_[p].chars != stats_[top].chars) break;
      top = p;
    }
    // Siblings that score close to the winner join it.
    std::vector<uint32_t> roots;
    uint32_t parent = N(top).parent;
    if (parent == 0 || N(top).tag == Tag::kBody) return {top};
    double threshold = std::max(10.0, score_[top] * 0.2);
    std::string_view top_class = N(top).klass;
    for (uint32_t c = parent + 1; c < N(parent).end; c = N(c).end) {
      if (c == top) {
        roots.push_back(c);
        continue;
      }
      if (removed_[c] || N(c).tag == Tag::kText) continue;
      double bonus = !top_class.empty() && N(c).klass == top_class ? score_[top] * 0.2 : 0;
      if (scored_[c] && score_[c] + bonus >= threshold) {
        roots.push_back(c);
      } else if (N(c).tag == Tag::kP) {
        double ld = LinkDensity(c);
        uint32_t len = stats_[c].chars;
        if ((len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld == 0 && EndsSentence(c))) {
          roots.push_back(c);
        }
      }
    }
    return roots;
  }

  bool EndsSentence(uint32_t i) const {
    for (uint32_t k = N(i).end; k-- > i + 1;) {
      if (N(k).tag != Tag::kText || removed_[k]) continue;
      std::string_view t = N(k).text;
      while (!t.empty() && IsSpace(t.back())) t.remove_suffix(1);
      if (t.empty()) continue;
      return t.back() == '.' || t.back() == '!' || t.back() == '?' || t.back() == '"';
    }
    return false;
  }

  // readability's conditional cleaning of containers inside the article.
  bool DropContainer(uint32_t i) const {
    const DomNode& node = N(i);
    Tag t = node.tag;
    const Stats& s = stats_[i];
    if (IsHeading(t)) {
      if (class_info_[i].weight < 0 || LinkDensity(i) > 0.33) return true;
      return false;
    }
    if (!(t == Tag::kDiv || t == Tag::kSection || t == Tag::kUl || t == Tag::kOl ||
          t == Tag::kTable || t == Tag::kForm || t == Tag::kFigure || t == Tag::kDl ||
          t == Tag::kAside || t == Tag::kHeader))
      return false;
    // A container with most of the article's text is the article, whatever its name says.
    if (s.chars * 2 > root_chars_) return false;
    int weight = class_info_[i].weight;
    if (weight + (scored_[i] ? score_[i] : 0.0) < 0) return true;
    if (s.commas >= 10) return false;
    bool is_list = t == Tag::kUl || t == Tag::kOl;
    double ld = LinkDensity(i);
    uint32_t p = s.p_count, img = s.img_count, li = s.li_count > 100 ? s.li_count - 100 : 0;
    if (is_list) li = 0;
    if (img > 1 && p * 2 < img) return true;
    if (!is_list && li > p) return true;
    if (s.input_count > p / 3) return true;
    if (!is_list && s.chars < 25 && (img == 0 || img > 2)) return true;
    if (!is_list && weight < 25 && ld > 0.2) return true;
    if (weight >= 25 && ld > 0.5) return true;
    if ((s.embed_count == 1 && s.chars < 75) || s.embed_count > 1) return true;
    if (is_list && ld > 0.5) return true;
    return false;
  }

  static void AppendCollapsed(std::string& line, std::string_view text) {
    web::AppendCollapsed</*kVerticalTab=*/true>(line, text);
  }

  static void Flush(std::string& line, std::vector<std::string>& out) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    size_t start = 0;
    while (start < line.size() && line[start] == ' ') ++start;
    if (start < line.size()) out.push_back(line.substr(start));
    line.clear();
  }

  void Emit(uint32_t root, std::vector<std::string>& out) {
    std::string line;
    std::vector<uint32_t> closing;  // block elements whose end flushes the line
    std::string title = LowerAscii(metadata_.title);
    root_chars_ = stats_[root].chars;
    for (uint32_t i = root; i < N(root).end;) {
      while (!closing.empty() && i >= N(closing.back()).end) {
        Flush(line, out);
        closing.pop_back();
      }
      const DomNode& node = N(i);
      if (removed_[i] || (i != root && DropContainer(i))) {
        i = node.end;
        continue;
      }
      if (node.tag == Tag::kH1 && !title.empty()) {
        // The headline repeated above the body is not body text.
        std::string text;
        for (uint32_t k = i + 1; k < node.end; ++k)
          if (N(k).tag == Tag::kText) AppendCollapsed(text, N(k).text);
        std::string lower = LowerAscii(text);
        while (!lower.empty() && lower.back() == ' ') lower.pop_back();
        if (!lower.empty() && (Contains(title, lower) || Contains(lower, title))) {
          i = node.end;
          continue;
        }
      }
      if (node.tag == Tag::kText) {
        AppendCollapsed(line, node.text);
      } else if (node.tag == Tag::kBr || node.tag == Tag::kHr) {
        Flush(line, out);
      } else if (IsBlockTag(node.tag)) {
        Flush(line, out);
        closing.push_back(i);
      }
      ++i;
    }
    Flush(line, out);
  }

  void DebugPrint(const std::vector<uint32_t>& roots) const {
    // The longest text node: its ancestors, with what the extractor thought of each.
    uint32_t longest = 0;
    std::string_view needle = DebugNeedle();
    for (uint32_t i = 1; i < n_; ++i)
      if (N(i).tag == Tag::kText && N(i).text.size() > N(longest).text.size() && N(N(i).parent).tag == Tag::kP) longest = i;
    for (uint32_t i = 1; i < n_ && needle.size() > 1; ++i)
      if (N(i).tag == Tag::kText && Contains(N(i).text, needle)) { longest = i; break; }
    for (uint32_t a = longest; a != 0; a = N(a).parent) {
      std::fprintf(stderr, "  %u <%.*s class=%.*s id=%.*s> removed=%d chars=%u score=%.1f drop=%d\n", a,
                   (int)dom_.Name(a).size(), dom_.Name(a).data(), (int)dom_.Attr(a, "class").size(), dom_.Attr(a, "class").data(),
                   (int)dom_.Attr(a, "id").size(), dom_.Attr(a, "id").data(), (int)removed_[a], stats_[a].chars,
                   scored_[a] ? score_[a] : -1.0, (int)DropContainer(a));
    }
    for (uint32_t r : roots) std::fprintf(stderr, "  root %u <%.*s class=%.*s>\n", r, (int)dom_.Name(r).size(), dom_.Name(r).data(), (int)dom_.Attr(r, "class").size(), dom_.Attr(r, "class").data());
  }

  const HtmlDom& dom_;
  const PageMetadata& metadata_;
  uint32_t n_;
  uint32_t root_chars_ = 0;  // text of the root being emitted
  std::vector<uint8_t>& removed_;
  std::vector<uint32_t>& block_of_;  // nearest block-level ancestor of each node
  std::vector<uint32_t>& raw_;       // paragraph text per subtree (ComputeRemoved)
  std::vector<TextCounts>& text_counts_;  // text nodes outside skipped tags
  std::vector<ClassInfo>& class_info_;
  ClassCache& class_cache_;
  std::vector<uint8_t>& in_link_;
  std::vector<Stats>& stats_;
  std::vector<double>& score_;
  std::vector<uint8_t>& scored_;
};

}  // namespace

std::vector<std::string> ExtractBody(const HtmlDom& dom, const PageMetadata& metadata) {
  thread_local ExtractorBuffers buffers;
  std::vector<std::string> paragraphs = Extractor(dom, metadata, buffers).Run();
  if (dom.nodes().size() > (1u << 16)) buffers = ExtractorBuffers();  // memory back after a huge page
  buffers.class_cache.Trim();
  return paragraphs;
}

}  // namespace sitrep::web
