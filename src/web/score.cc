#include "web/score.h"

#include <map>
#include <numeric>

#include <utf8proc.h>

namespace sitrep::web {
namespace {

bool IsWordCodepoint(utf8proc_int32_t c) {
  if (c == '_') return true;
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<std::string_view> BenchmarkTokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t n = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_ssize_t i = 0, start = -1;
  while (i < n) {
    utf8proc_int32_t c = 0;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, n - i, &c);
    if (len <= 0) {  // invalid byte: not a word character
      len = 1;
      c = -1;
    }
    bool word = c >= 0 && IsWordCodepoint(c);
    if (word && start < 0) start = i;
    if (!word && start >= 0) {
      tokens.push_back(text.substr(start, i - start));
      start = -1;
    }
    i += len;
  }
  if (start >= 0) tokens.push_back(text.substr(start));
  return tokens;
}

namespace {

std::map<std::vector<std::string_view>, int> Shingles(const std::vector<std::string_view>& tokens) {
  constexpr size_t kN = 4;
  std::map<std::vector<std::string_view>, int> out;
  size_t count = tokens.size() >= kN ? tokens.size() - kN + 1 : 1;
  for (size_t i = 0; i < count; ++i) {
    std::vector<std::string_view> shingle(tokens.begin() + i,
                                          tokens.begin() + std::min(tokens.size(), i + kN));
    if (!shingle.empty()) ++out[shingle];
  }
  return out;
}

}  // namespace

PageScore ScorePage(std::string_view truth, std::string_view prediction) {
  PageScore score;
  auto true_tokens = BenchmarkTokens(truth);
  auto pred_tokens = BenchmarkTokens(prediction);
  score.exact = true_tokens == pred_tokens;
  auto t = Shingles(true_tokens), p = Shingles(pred_tokens);
  for (const auto& [key, tc] : t) {
    auto it = p.find(key);
    int pc = it == p.end() ? 0 : it->second;
    score.tp += std::min(tc, pc);
    score.fn += std::max(0, tc - pc);
  }
  for (const auto& [key, pc] : p) {
    auto it = t.find(key);
    int tc = it == t.end() ? 0 : it->second;
    score.fp += std::max(0, pc - tc);
  }
  double sum = score.tp + score.fp + score.fn;
  if (sum > 0) {
    score.tp /= sum;
    score.fp /= sum;
    score.fn /= sum;
  }
  return score;
}

CorpusScore ScoreCorpus(const std::vector<PageScore>& pages) {
  CorpusScore out;
  out.pages = pages.size();
  double precision_sum = 0, recall_sum = 0, exact = 0;
  size_t precision_n = 0, recall_n = 0;
  for (const PageScore& s : pages) {
    exact += s.exact;
    if (s.tp + s.fp > 0) {
      precision_sum += (s.fp == 0 && s.fn == 0) ? 1.0 : s.tp / (s.tp + s.fp);
      ++precision_n;
    }
    if (s.tp + s.fn > 0) {
      recall_sum += (s.fp == 0 && s.fn == 0) ? 1.0 : s.tp / (s.tp + s.fn);
      ++recall_n;
    }
  }
  out.precision = precision_n ? precision_sum / precision_n : 0;
  out.recall = recall_n ? recall_sum / recall_n : 0;
  out.f1 = out.precision + out.recall > 0
               ? 2 * out.precision * out.recall / (out.precision + out.recall) : 0;
  out.accuracy = pages.empty() ? 0 : exact / pages.size();
  return out;
}

}  // namespace sitrep::web
