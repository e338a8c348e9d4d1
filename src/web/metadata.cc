// Page metadata: headline, date, author, site, language and canonical URL, from the places
// publishers put them, most reliable first: schema.org JSON-LD, Open Graph / article meta tags,
// other meta conventions (Dublin Core, Parse.ly, sailthru), <time>, the URL, then visible text.
#include <algorithm>
#include <cctype>
#include <cstring>

#include <simdjson.h>

#include "web/extract.h"
#include "web/scan.h"

namespace sitrep::web {
namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

// Whitespace runs (not \v) to one space, none at either end.
void AssignLower(std::string& out, std::string_view s) {
  out.assign(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

// The meta keys ExtractMetadata reads (besides the date keys).
constexpr std::string_view kUsedMetaKeys[] = {
    "og:title", "twitter:title", "og:site_name", "application-name", "publisher", "og:url",
    "og:locale", "content-language", "language", "author", "article:author", "parsely-author",
    "dc.creator", "sailthru.author", "byl"};

template <size_t N>
bool IsUsedMetaKey(std::string_view key, const std::string_view (&date_keys)[N]) {
  for (std::string_view k : kUsedMetaKeys) {
    if (k.size() == key.size() && k == key) return true;
  }
  for (std::string_view k : date_keys) {
    if (k.size() == key.size() && k == key) return true;
  }
  return false;
}

std::string Collapse(std::string_view s) {
  std::string out;
  AppendCollapsed</*kVerticalTab=*/false>(out, s);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool ValidDate(int y, int m, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1];
}

int Digits(std::string_view s, size_t pos, size_t count) {
  if (pos + count > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

int MonthFromName(std::string_view word) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  std::string w = LowerAscii(word);
  for (int m = 0; m < 12; ++m) {
    if (w.compare(0, 3, kMonths[m]) == 0) {
      // "mar" must not match "march" wrongly, but "sept" and full names are fine; reject words
      // that only share a prefix ("mayor", "marine").
      static const char* kFull[] = {"january", "february", "march", "april", "may", "june", "july",
                                    "august", "september", "october", "november", "december"};
      std::string full = kFull[m];
      if (w.size() == 3 || (w == "sept") || full.compare(0, w.size(), w) == 0) return m + 1;
      return 0;
    }
  }
  return 0;
}

struct JsonLdFacts {
  std::string headline, date, author, publisher, body, url;
  bool found_article = false;
};

bool IsArticleType(simdjson::dom::element type) {
  auto check = [](std::string_view t) {
    return t.find("Article") != std::string_view::npos || t == "BlogPosting" ||
           t == "Report" || t == "LiveBlogPosting" || t == "WebPage" || t == "Posting";
  };
  std::string_view t;
  if (!type.get_string().get(t)) return check(t);
  simdjson::dom::array types;
  if (!type.get_array().get(types)) {
    for (auto e : types) {
      if (!e.get_string().get(t) && check(t)) return true;
    }
  }
  return false;
}

std::string NameOf(simdjson::dom::element e, int depth = 0) {
  std::string_view s;
  if (!e.get_string().get(s)) return std::string(s);
  simdjson::dom::array array;
  if (depth < 3 && !e.get_array().get(array)) {
    std::string out;
    for (auto item : array) {
      std::string name = NameOf(item, depth + 1);
      if (name.empty()) continue;
      if (!out.empty()) out += ", ";
      out += name;
    }
    return out;
  }
  simdjson::dom::object object;
  if (!e.get_object().get(object)) {
    simdjson::dom::element name;
    if (!object["name"].get(name) && !name.get_string().get(s)) return std::string(s);
  }
  return {};
}

void ScanJsonLd(simdjson::dom::element e, JsonLdFacts& facts, int depth) {
  if (depth > 8) return;
  simdjson::dom::array array;
  if (!e.get_array().get(array)) {
    for (auto item : array) ScanJsonLd(item, facts, depth + 1);
    return;
  }
  simdjson::dom::object object;
  if (e.get_object().get(object)) return;
  simdjson::dom::element graph;
  if (!object["@graph"].get(graph)) ScanJsonLd(graph, facts, depth + 1);
  simdjson::dom::element type;
  if (object["@type"].get(type) || !IsArticleType(type)) return;
  std::string_view type_name;
  bool is_webpage = !type.get_string().get(type_name) && type_name == "WebPage";
  std::string_view s;
  simdjson::dom::element v;
  auto take = [&](const char* key, std::string& into) {
    if (into.empty() && !object[key].get(v) && !v.get_string().get(s)) into = std::string(s);
  };
  if (!is_webpage) facts.found_article = true;
  take("headline", facts.headline);
  take("datePublished", facts.date);
  take("dateCreated", facts.date);
  if (!is_webpage) take("articleBody", facts.body);
  take("url", facts.url);
  if (facts.author.empty() && !object["author"].get(v)) facts.author = NameOf(v);
  if (facts.publisher.empty() && !object["publisher"].get(v)) facts.publisher = NameOf(v);
}

std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (rest.rfind("www.", 0) == 0) rest.remove_prefix(4);
  return std::string(rest);
}

std::string Resolve(std::string_view href, std::string_view base) {
  if (href.empty()) return {};
  if (href.find("://") != std::string_view::npos) return std::string(href);
  size_t scheme = base.find("://");
  if (scheme == std::string_view::npos) return std::string(href);
  if (href.rfind("//", 0) == 0) return std::string(base.substr(0, scheme + 1)) + std::string(href);
  size_t host_end = base.find('/', scheme + 3);
  std::string origin(base.substr(0, host_end));
  if (href.front() == '/') return origin + std::string(href);
  std::string dir(base.substr(0, base.rfind('/') + 1));
  if (dir.size() <= scheme + 3) dir = origin + "/";
  return dir + std::string(href);
}

}  // namespace

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '"')) text.remove_prefix(1);
  int y = Digits(text, 0, 4);
  if (y < 0 || text.size() < 10) {
    // Compact "20191119".
    if (y >= 0 && Digits(text, 0, 8) >= 0) {
      int m = Digits(text, 4, 2), d = Digits(text, 6, 2);
      if (ValidDate(y, m, d)) return CivilDate{y, m, d};
    }
    return std::nullopt;
  }
  char sep = text[4];
  if (sep != '-' && sep != '/' && sep != '.') {
    if (Digits(text, 0, 8) >= 0) {
      int m = Digits(text, 4, 2), d = Digits(text, 6, 2);
      if (ValidDate(y, m, d)) return CivilDate{y, m, d};
    }
    return std::nullopt;
  }
  int m = Digits(text, 5, 2), d = Digits(text, 8, 2);
  if (text[7] != sep || !ValidDate(y, m, d)) return std::nullopt;
  return CivilDate{y, m, d};
}

std::optional<CivilDate> DateFromUrl(std::string_view url) {
  // /2019/11/19/ or /2019/11/ (month only is not enough) or -2019-11-19 or /20191119/.
  for (size_t i = 0; i + 10 <= url.size(); ++i) {
    if (url[i] != '/' && url[i] != '-' && url[i] != '_') continue;
    int y = Digits(url, i + 1, 4);
    if (y < 1990 || y > 2100) continue;
    size_t j = i + 5;
    if (j < url.size() && (url[j] == '/' || url[j] == '-' || url[j] == '_')) {
      int m = Digits(url, j + 1, 2);
      size_t k = j + 3;
      if (m >= 1 && k < url.size() && (url[k] == '/' || url[k] == '-' || url[k] == '_')) {
        int d = Digits(url, k + 1, 2);
        bool end_ok = k + 3 >= url.size() || !std::isdigit(static_cast<unsigned char>(url[k + 3]));
        if (end_ok && ValidDate(y, m, d)) return CivilDate{y, m, d};
      }
    } else if (Digits(url, i + 1, 8) >= 0 &&
               (i + 9 >= url.size() || !std::isdigit(static_cast<unsigned char>(url[i + 9])))) {
      int m = Digits(url, i + 5, 2), d = Digits(url, i + 7, 2);
      if (ValidDate(y, m, d)) return CivilDate{y, m, d};
    }
  }
  return std::nullopt;
}

std::optional<CivilDate> DateFromText(std::string_view text) {
  // Words and numbers in order; look for Month D(,) YYYY and D Month YYYY.
  struct Word {
    std::string_view text;
    bool number;
  };
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size() && words.size() < 4000) {
    while (i < text.size() && !std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    size_t j = i;
    bool digits = i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]));
    while (j < text.size() && (digits ? std::isdigit(static_cast<unsigned char>(text[j]))
                                      : std::isalpha(static_cast<unsigned char>(text[j]))))
      ++j;
    if (j == i) {
      ++i;
      continue;
    }
    words.push_back({text.substr(i, j - i), digits});
    // Skip ordinal suffixes: "19th".
    if (digits && j + 2 <= text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) {
      std::string suffix = LowerAscii(text.substr(j, 2));
      if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") j += 2;
    }
    i = j;
  }
  auto number = [](std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return s.size() <= 4 ? v : -1;
  };
  for (size_t k = 0; k + 2 < words.size(); ++k) {
    if (!words[k].number) {
      int m = MonthFromName(words[k].text);
      if (m && words[k + 1].number && words[k + 2].number && words[k + 1].text.size() <= 2 &&
          words[k + 2].text.size() == 4) {
        int d = number(words[k + 1].text), y = number(words[k + 2].text);
        if (ValidDate(y, m, d)) return CivilDate{y, m, d};
      }
    } else if (words[k].text.size() <= 2 && !words[k + 1].number && words[k + 2].number &&
               words[k + 2].text.size() == 4) {
      int m = MonthFromName(words[k + 1].text);
      int d = number(words[k].text), y = number(words[k + 2].text);
      if (m && ValidDate(y, m, d)) return CivilDate{y, m, d};
    }
  }
  return std::nullopt;
}

PageMetadata ExtractMetadata(const HtmlDom& dom, std::string_view page_url) {
  PageMetadata meta;
  std::string og_title, title_tag, h1, og_site, app_name, og_url, canonical, html_lang, og_locale;
  std::string meta_author, meta_date, meta_date_key, time_date;
  JsonLdFacts ld;
  const auto& nodes = dom.nodes();
  // The element's text, collapsed (collapsing piece by piece is collapsing the concatenation).
  auto text_of = [&](uint32_t i) {
    std::string out;
    for (uint32_t k = i + 1; k < nodes[i].end; ++k)
      if (nodes[k].tag == Tag::kText) AppendCollapsed</*kVerticalTab=*/false>(out, nodes[k].text);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  // Date meta keys, most specific first (lower rank = better).
  static constexpr std::string_view kDateKeys[] = {
      "article:published_time", "og:published_time", "datepublished", "publishdate",
      "publish-date", "pubdate", "publication_date", "sailthru.date", "parsely-pub-date",
      "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "date", "article.published",
      "og:updated_time", "article:modified_time", "datemodified", "lastmod"};
  int best_date_rank = 1000;
  std::string key;  // a meta tag's key, lower-case (one buffer for all of them)
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    const DomNode& n = nodes[i];
    switch (n.tag) {
      case Tag::kHtml:
        if (html_lang.empty()) html_lang = LowerAscii(dom.Attr(i, "lang"));
        break;
      case Tag::kTitle:
        if (title_tag.empty()) title_tag = text_of(i);
        break;
      case Tag::kH1:
        if (h1.empty()) h1 = text_of(i);
        break;
      case Tag::kMeta: {
        std::string_view raw_key = dom.Attr(i, "property");
        if (raw_key.empty()) raw_key = dom.Attr(i, "name");
        if (raw_key.empty()) raw_key = dom.Attr(i, "itemprop");
        if (raw_key.empty()) raw_key = dom.Attr(i, "http-equiv");
        AssignLower(key, raw_key);
        // Most meta tags (viewport, twitter:card, fb:app_id...) say nothing used below: their
        // content is not even collapsed.
        if (key.empty() || !IsUsedMetaKey(key, kDateKeys)) break;
        std::string content = Collapse(dom.Attr(i, "content"));
        if (content.empty()) break;
        if (key == "og:title" || key == "twitter:title") {
          if (og_title.empty()) og_title = content;
        } else if (key == "og:site_name" || key == "application-name" || key == "publisher") {
          if (og_site.empty() && key == "og:site_name") og_site = content;
          if (app_name.empty()) app_name = content;
        } else if (key == "og:url") {
          og_url = content;
        } else if (key == "og:locale" || key == "content-language" || key == "language") {
          if (og_locale.empty()) og_locale = LowerAscii(content);
        } else if (key == "author" || key == "article:author" || key == "parsely-author" ||
                   key == "dc.creator" || key == "sailthru.author" || key == "byl") {
          if (meta_author.empty() && content.find("://") == std::string::npos) meta_author = content;
        } else {
          for (int r = 0; r < static_cast<int>(std::size(kDateKeys)); ++r) {
            if (key == kDateKeys[r] && r < best_date_rank && ParseIsoDate(content)) {
              best_date_rank = r;
              meta_date = content;
              meta_date_key = key;
            }
          }
        }
        break;
      }
      case Tag::kLink: {
        std::string rel = LowerAscii(dom.Attr(i, "rel"));
        if (rel == "canonical" && canonical.empty()) canonical = std::string(dom.Attr(i, "href"));
        break;
      }
      case Tag::kTime:
        if (time_date.empty()) {
          std::string_view dt = dom.Attr(i, "datetime");
          if (ParseIsoDate(dt)) time_date = std::string(dt);
        }
        break;
      case Tag::kScript: {
        if (LowerAscii(dom.Attr(i, "type")) != "application/ld+json") break;
        std::string json = text_of(i);
        json.reserve(json.size() + simdjson::SIMDJSON_PADDING);  // parsed in place, not copied
        // One parser per thread, its buffers reused (a fresh one allocates and faults in pages
        // the size of the document every time); documents over 1 MiB get their own.
        thread_local simdjson::dom::parser reused;
        simdjson::dom::parser own;
        simdjson::dom::parser& parser = json.size() <= (1u << 20) ? reused : own;
        simdjson::dom::element root;
        if (!parser.parse(json).get(root)) ScanJsonLd(root, ld, 0);
        break;
      }
      default: {
        // itemprop="datePublished" on any element (content or datetime attribute).
        if (n.attr_count && best_date_rank > 2 && dom.Attr(i, "itemprop") == "datePublished") {
          std::string_view v = dom.Attr(i, "datetime");
          if (v.empty()) v = dom.Attr(i, "content");
          if (ParseIsoDate(v)) {
            best_date_rank = 2;
            meta_date = std::string(v);
            meta_date_key = "itemprop datePublished";
          }
        }
        break;
      }
    }
  }
  // Title: Open Graph, JSON-LD headline, <h1>, <title> without its " | Site" tail.
  meta.title = !og_title.empty() ? og_title : !ld.headline.empty() ? ld.headline : !h1.empty() ? h1 : title_tag;
  if (meta.title == title_tag) {
    for (const char* sep : {" | ", " - ", " — ", " – ", " :: "}) {
      size_t p = meta.title.rfind(sep);
      if (p != std::string::npos && p > 10) {
        if (og_site.empty() && app_name.empty()) app_name = meta.title.substr(p + std::strlen(sep));
        meta.title = meta.title.substr(0, p);
        break;
      }
    }
  }
  meta.site_name = !og_site.empty() ? og_site : !ld.publisher.empty() ? ld.publisher : app_name;
  meta.author = !ld.author.empty() ? Collapse(ld.author) : meta_author;
  // Canonical URL.
  std::string url = !canonical.empty() ? canonical : !og_url.empty() ? og_url : std::string(page_url);
  meta.canonical_url = Resolve(url, page_url);
  if (meta.site_name.empty()) meta.site_name = HostOf(!meta.canonical_url.empty() ? meta.canonical_url : std::string(page_url));
  // Language from markup: "en-US" -> "en".
  std::string lang = !html_lang.empty() ? html_lang : og_locale;
  lang = lang.substr(0, lang.find_first_of("-_ ,"));
  if (lang.size() == 2 || lang.size() == 3) meta.language = lang;
  // Date.
  if (auto d = ParseIsoDate(ld.date)) {
    meta.date = d;
    meta.date_text = "json-ld datePublished: " + ld.date;
  } else if (auto d2 = ParseIsoDate(meta_date)) {
    meta.date = d2;
    meta.date_text = "meta " + meta_date_key + ": " + meta_date;
  } else if (auto d3 = ParseIsoDate(time_date)) {
    meta.date = d3;
    meta.date_text = "<time datetime>: " + time_date;
  } else if (auto d4 = DateFromUrl(meta.canonical_url)) {
    meta.date = d4;
    meta.date_text = "url: " + meta.canonical_url;
  } else if (auto d5 = DateFromUrl(page_url)) {
    meta.date = d5;
    meta.date_text = "url: " + std::string(page_url);
  }
  meta.json_ld_body = ld.body;
  return meta;
}

}  // namespace sitrep::web
