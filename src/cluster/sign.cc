// SignArticle: the small, self-contained description of an article that event clustering needs.
#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>

#include <xxhash.h>

#include "cluster/codec.h"
#include "sitrep/cluster.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

uint64_t HashTerm(std::string_view prefix, std::string_view term) {
  thread_local std::string key;
  key.assign(prefix);
  key.append(term);
  uint64_t hash = XXH3_64bits(key.data(), key.size());
  return prefix.empty() ? hash & ~kEntityTermBit : hash | kEntityTermBit;
}

// Cuts at most `max_bytes` off the front of `text` without splitting a UTF-8 sequence.
std::string_view Lead(std::string_view text, size_t max_bytes) {
  if (max_bytes == 0 || text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// Drops a wire dateline ("MADRID, February 17 (Xinhua) --", "PHOENIX _"): it names the agency
// and the desk, not the event, and glues every article of one agency together.
std::string_view SkipDateline(std::string_view body) {
  std::string_view head = body.substr(0, std::min<size_t>(body.size(), 120));
  head = head.substr(0, head.find('\n'));
  for (std::string_view mark : {" -- ", " _ ", " - "}) {
    size_t at = head.find(mark);
    if (at != std::string_view::npos && at > 0) return body.substr(at + mark.size());
  }
  return body;
}

bool EndsSentence(std::string_view punct) {
  return punct == "." || punct == "!" || punct == "?" || punct == ":" || punct == "\"";
}

class TermCounter {
 public:
  TermCounter(Stemmer& stemmer, const SignOptions& options) : stemmer_(stemmer), options_(options) {}

  // Adds the content terms of `text`; with `find_entities`, runs of capitalised words that do
  // not start a sentence become entity features too (a cheap stand-in where no annotator ran).
  void Add(std::string_view text, float weight, bool find_entities) {
    bool sentence_start = true;
    std::string run;
    size_t line_start_guard = 0;
    for (const Token& token : Tokenize(text)) {
      std::string_view word = text.substr(token.span.begin, token.span.size());
      // A newline between tokens starts a new paragraph: treat like a sentence start.
      if (token.span.begin > line_start_guard &&
          text.substr(line_start_guard, token.span.begin - line_start_guard).find('\n') !=
              std::string_view::npos) {
        sentence_start = true;
        FlushEntity(run);
      }
      line_start_guard = token.span.end;
      if (token.kind != TokenKind::kWord) {
        if (token.kind == TokenKind::kPunct && EndsSentence(word)) sentence_start = true;
        FlushEntity(run);
        continue;
      }
      FoldCase(word, lower_);
      bool capitalised = word[0] >= 'A' && word[0] <= 'Z';
      bool stop = lower_.size() < 2 || IsStopWord(lower_);
      if (find_entities && options_.use_entities) {
        if (capitalised && !sentence_start && !stop) {
          if (!run.empty()) run += ' ';
          run += lower_;
        } else {
          FlushEntity(run);
        }
      }
      sentence_start = false;
      if (stop) continue;
      std::string_view stem = stemmer_.Stem(lower_);
      counts_[HashTerm("", stem)] += weight;
    }
    FlushEntity(run);
  }

  void AddEntity(std::string_view name) {
    FoldCase(name, lower_);
    if (!lower_.empty()) counts_[HashTerm("e:", lower_)] += options_.entity_weight;
  }

  std::vector<TermWeight> Take() {
    std::vector<TermWeight> out;
    out.reserve(counts_.size());
    for (const auto& [term, count] : counts_) out.push_back({term, count});
    std::sort(out.begin(), out.end(),
              [](const TermWeight& a, const TermWeight& b) { return a.term < b.term; });
    return out;
  }

 private:
  void FlushEntity(std::string& run) {
    if (!run.empty()) counts_[HashTerm("e:", run)] += options_.entity_weight;
    run.clear();
  }

  Stemmer& stemmer_;
  const SignOptions& options_;
  std::string lower_;
  std::unordered_map<uint64_t, float> counts_;
};

}  // namespace

ArticleSignature SignArticle(const Article& article, const SignOptions& options,
                             std::span<const std::string> entities) {
  thread_local Stemmer stemmer;
  ArticleSignature signature;
  TermCounter counter(stemmer, options);
  counter.Add(article.title, options.title_weight, false);

  std::string body;
  bool has_kept = std::any_of(article.blocks.begin(), article.blocks.end(),
                              [](const Block& b) { return b.kept(); });
  if (has_kept) {
    for (const Block& block : article.blocks) {
      if (!block.kept()) continue;
      if (!body.empty()) body += '\n';
      body += article.View(block.span);
      if (options.max_body_bytes != 0 && body.size() >= options.max_body_bytes) break;
    }
  } else {
    body = article.text.substr(0, options.max_body_bytes == 0 ? std::string::npos
                                                              : options.max_body_bytes + 8);
  }
  counter.Add(Lead(SkipDateline(body), options.max_body_bytes), 1.0f, true);
  for (const std::string& entity : entities) counter.AddEntity(entity);
  signature.terms = counter.Take();
  if (article.date && article.date->IsComplete()) signature.day = article.date->ToDays();
  signature.label = article.title;
  if (signature.label.empty()) {
    std::string_view lead = Lead(body, 80);
    size_t cut = lead.find('\n');
    signature.label = std::string(lead.substr(0, cut));
  }
  return signature;
}

std::string EncodeSignature(const ArticleSignature& signature) {
  codec::Writer w;
  w.U32(2);  // format version (2: entity features carry kEntityTermBit)
  w.U64(signature.terms.size());
  for (const TermWeight& t : signature.terms) {
    w.U64(t.term);
    w.F32(t.count);
  }
  w.U8(signature.day.has_value());
  w.I64(signature.day.value_or(0));
  w.Str(signature.label);
  return w.Take();
}

Result<ArticleSignature> DecodeSignature(std::string_view bytes) {
  codec::Reader r(bytes);
  ArticleSignature s;
  uint32_t version = r.U32();
  uint64_t n = r.U64();
  // Version 1 hashed terms without the entity bit: mixed with version 2 terms, the same word
  // would count as two, so an old signature is refused rather than misread.
  if (!r.ok() || version != 2 || n > bytes.size() / 12) {
    return MakeError(ErrorCode::kMalformed, "signature", "not an encoded article signature",
                     "re-sign the article; the store may be from another sitrep version");
  }
  s.terms.resize(n);
  for (TermWeight& t : s.terms) {
    t.term = r.U64();
    t.count = r.F32();
  }
  bool has_day = r.U8() != 0;
  int64_t day = r.I64();
  if (has_day) s.day = day;
  s.label = r.Str();
  if (!r.ok()) {
    return MakeError(ErrorCode::kTruncated, "signature", "encoded signature ends early",
                     "the stored bytes were cut; re-sign the article");
  }
  return s;
}

}  // namespace sitrep
