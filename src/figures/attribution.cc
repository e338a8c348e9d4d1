// Attribution: who a sentence says its figures come from.
//
// Reporting clauses are found by their verb ("said", "told", "estimated", ...) or by "according
// to"; the speaker is the noun phrase before the verb (back to a clause boundary), or after it
// when inverted (", said the ministry."). Appositives are read both ways: ", Jonas Reit," names
// the speaker, ", quoted by state radio," and "told the news agency VNA" add a relay, and
// "VNA reported, citing local officials" makes the officials the speaker and VNA the relay.
#include <string>

#include "figures/internal.h"

namespace sitrep::figures {
namespace {

bool StopsSubject(std::string_view w) {
  return IsAnyWord(w, {"that", "which", "who", "while", "and", "but", "as", "when", "after",
                       "before", "because", "where", "if", "though", "although", "whereas",
                       "so", "then", "whom", "said", "told", "says", "than", "with"});
}

bool IsSkippableAdverb(std::string_view w) {
  return IsAnyWord(w, {"now", "also", "later", "earlier", "previously", "has", "have", "had",
                       "would", "will", "separately", "officially", "initially", "first",
                       "originally", "again", "reportedly"});
}

// Titles written with a period: "Dr. Wang", "Gen. Ali".
bool IsTitle(std::string_view w) {
  return IsAnyWord(w, {"dr", "mr", "mrs", "ms", "prof", "gen", "sen", "rep", "gov", "lt", "col",
                       "sgt", "capt", "maj", "adm", "st", "rev", "hon"});
}

// Relays that name no one: "told reporters".
bool IsGenericAudience(std::string_view w) {
  return IsAnyWord(w, {"reporters", "journalists", "press", "media", "parliament", "lawmakers",
                       "residents", "him", "her", "them", "us", "me", "colleagues"});
}

class CueReader {
 public:
  CueReader(const Scanner& sc, uint32_t base) : sc_(sc), t_(sc.tokens()), base_(base) {}

  std::vector<Cue> Read() {
    std::vector<Cue> cues;
    for (size_t v = 0; v < t_.size(); ++v) {
      if (Punct(v, '(')) {
        Cue bracket;
        if (ReadBracketSource(v, bracket)) {
          cues.push_back(std::move(bracket));
          v = cues.back().end - 1;
        }
        continue;
      }
      if (t_[v].kind != TokKind::kWord) continue;
      Cue cue;
      bool ok = W(v) == "as" && IsAnyWord(W(v + 1), {"estimated", "reported", "stated",
                                                      "calculated", "counted", "measured"}) &&
                        W(v + 2) == "by"
                    ? ReadAsBy(v, cue)
                : W(v) == "according" && W(v + 1) == "to" ? ReadAccording(v, cue)
                : W(v) == "by"                            ? ReadByCount(v, cue)
                                                          : ReadVerb(v, cue);
      // "Petra Lenz told the Gazette she had warned ...": a pronoun speaking right after a
      // reporting clause is inside that clause's report, so the first speaker keeps it.
      if (ok && !cues.empty() && !cue.postposed && cue.subject_end == cue.subject_begin + 1 &&
          IsAnyWord(W(cue.subject_begin), {"he", "she", "they", "i", "we"}) &&
          (cue.begin == cues.back().end ||
           (cue.begin == cues.back().end + 1 && W(cues.back().end) == "that")))
        ok = false;
      if (ok && !cue.attribution.source.empty()) {
        cues.push_back(std::move(cue));
        v = cues.back().end > v ? cues.back().end - 1 : v;
      }
    }
    return cues;
  }

 private:
  std::string_view W(size_t i) const { return i < t_.size() ? t_[i].lower : std::string_view(); }
  bool Punct(size_t i, char c) const { return i < t_.size() && IsPunct(t_[i], c); }
  Span Abs(size_t first, size_t last) const {
    return Span{base_ + t_[first].begin, base_ + t_[last - 1].end};
  }
  std::string Text(size_t first, size_t last) const {
    return std::string(sc_.sentence().substr(t_[first].begin, t_[last - 1].end - t_[first].begin));
  }
  // A noun phrase after `i` up to punctuation, a number, a clause word or `max` tokens.
  size_t PhraseEnd(size_t i, size_t max, bool allow_commas) const {
    size_t j = i;
    while (j < t_.size() && j < i + max) {
      if (t_[j].kind == TokKind::kNumber) break;
      if (t_[j].kind == TokKind::kPunct) {
        if (allow_commas && Punct(j, ',') && j + 1 < t_.size() && t_[j + 1].capitalized) {
          ++j;
          continue;
        }
        // Tokenised text splits the possessive: "the CIA 's website".
        if (Punct(j, '\'') && W(j + 1) == "s" && j > i && j + 2 < t_.size() &&
            t_[j + 2].kind == TokKind::kWord) {
          j += 2;
          continue;
        }
        // "the center's Dr. Wang Zhanggui": the period of a title.
        if (Punct(j, '.') && j > i && IsTitle(W(j - 1)) && j + 1 < t_.size() &&
            t_[j + 1].capitalized) {
          ++j;
          continue;
        }
        break;
      }
      if (IsAnyWord(W(j), {"that", "on", "in", "at", "after", "when", "while", "which", "who",
                           "and", "but", "said", "says", "told", "late", "early", "last",
                           "yesterday", "today", "tonight", "accusing", "adding", "saying",
                           "regarding", "concerning",
                           "he", "she", "they", "we", "i"}) &&
          j > i)
        break;
      ++j;
    }
    return j;
  }
  static std::string StripRelayPrefix(std::string s) {
    for (std::string_view p : {"the news agency ", "news agency ", "the broadcaster ",
                               "the agency ", "broadcaster ", "the newspaper ", "the daily ",
                               "the state news agency ", "the regional broadcaster ",
                               "the state broadcaster ", "the public broadcaster "}) {
      if (s.size() > p.size()) {
        bool eq = true;
        for (size_t k = 0; k < p.size() && eq; ++k)
          eq = (s[k] | 0x20) == p[k] || (s[k] == ' ' && p[k] == ' ');
        if (eq) return s.substr(p.size());
      }
    }
    return s;
  }

  bool ReadAccording(size_t v, Cue& cue) {
    size_t s = v + 2;
    // "according to a statement from the Defence Ministry", "according to figures from ...".
    for (int pass = 0; pass < 2; ++pass) {
      size_t p = s;
      // "according to 1997 figures from the Department of Commerce": a year may date them.
      while (IsAnyWord(W(p), {"a", "an", "the", "its", "their"}) ||
             (p < t_.size() && t_[p].kind == TokKind::kNumber && sc_.Raw(t_[p]).size() == 4))
        ++p;
      if (IsAnyWord(W(p), {"statement", "report", "figures", "data", "estimates", "tally",
                           "count", "preliminary", "official", "latest", "new", "initial"})) {
        size_t q = p + 1;
        while (IsAnyWord(W(q), {"figures", "estimates", "data", "count", "tally", "report",
                                "statement", "released", "issued", "published"}))
          ++q;
        if (IsAnyWord(W(q), {"from", "by", "of"})) s = q + 1;
      }
    }
    bool postposed = v > 0 && Punct(v - 1, ',');
    size_t e = PhraseEnd(s, 10, postposed);
    if (e == s) return false;
    // "according to hospital and prison staff who spoke to the Herald": a short conjunct of
    // nouns ending the phrase belongs to it.
    if (W(e) == "and" && e + 1 < t_.size() && t_[e + 1].kind == TokKind::kWord) {
      size_t e2 = PhraseEnd(e + 1, 4, false);
      bool nouns = e2 > e + 1;
      for (size_t k = e + 1; k < e2 && nouns; ++k)
        nouns = !W(k).ends_with("ed") && !IsAnyWord(W(k), {"the", "a", "an", "was", "were",
                                                           "is", "are", "has", "have"});
      if (nouns && (e2 >= t_.size() || t_[e2].kind == TokKind::kPunct ||
                    IsAnyWord(W(e2), {"who", "which", "that", "in", "on", "at"})))
        e = e2;
    }
    cue.subject_begin = s;
    cue.subject_end = e;
    cue.begin = v;
    cue.end = e;
    cue.postposed = postposed;
    cue.attribution.source = Text(s, e);
    cue.attribution.span = Abs(s, e);
    // "according to the governor's office, quoted by the broadcaster RTV Sud,": a relay.
    if (Punct(e, ',') && IsAnyWord(W(e + 1), {"quoted", "cited"}) && W(e + 2) == "by") {
      size_t r = e + 3;
      size_t re = PhraseEnd(r, 8, false);
      if (re > r) {
        cue.attribution.relays.push_back(StripRelayPrefix(Text(r, re)));
        cue.attribution.relay_spans.push_back(Abs(r, re));
        cue.end = re;
      }
    }
    return true;
  }

  // ", as estimated by the Chamber of Commerce": the agent speaks for what comes before.
  bool ReadAsBy(size_t v, Cue& cue) {
    size_t s = v + 3;
    size_t e = PhraseEnd(s, 10, false);
    if (e == s) return false;
    cue.subject_begin = s;
    cue.subject_end = e;
    cue.begin = v;
    cue.end = e;
    cue.postposed = v > 0 && Punct(v - 1, ',');
    cue.attribution.source = Text(s, e);
    cue.attribution.span = Abs(s, e);
    return true;
  }

  // "4,000-6,000 ha of crops affected (Ministry of Agriculture estimate)", "(source: UNHCR)":
  // a closing bracket that names where the figures before it come from.
  bool ReadBracketSource(size_t open, Cue& cue) {
    size_t close = open + 1;
    while (close < t_.size() && close < open + 12 && !Punct(close, ')') && !Punct(close, '('))
      ++close;
    if (close >= t_.size() || !Punct(close, ')') || close < open + 2) return false;
    // Only at the end of the sentence (or of a bullet).
    if (close + 1 < t_.size() && !Punct(close + 1, '.') && !Punct(close + 1, ';')) return false;
    size_t s = open + 1, e = close;
    if (W(s) == "source" || W(s) == "sources") {
      if (!Punct(s + 1, ':')) return false;
      s += 2;
    } else if (IsAnyWord(W(e - 1), {"estimate", "estimates", "figures", "figure", "data",
                                    "count", "tally", "census"})) {
      --e;
    } else if (t_.size() > 0 && (Punct(0, '-') || Punct(0, '*') || W(0) == "\xE2\x80\xA2") &&
               close + 1 >= t_.size()) {
      // "- About 250 people injured (Ministry of Health)": a bullet ending in its source.
      for (size_t k = s; k < e; ++k)
        if (!t_[k].capitalized && !IsAnyWord(W(k), {"of", "for", "and", "the"})) return false;
    } else {
      return false;
    }
    if (s >= e) return false;
    for (size_t k = s; k < e; ++k)
      if (t_[k].kind == TokKind::kNumber) return false;  // "(2019 figures)" names no one
    if (!t_[s].capitalized && !IsAnyWord(W(s), {"the", "a", "an"})) return false;
    cue.subject_begin = s;
    cue.subject_end = e;
    cue.begin = open;
    cue.end = close + 1;
    cue.postposed = true;
    cue.attribution.source = Text(s, e);
    cue.attribution.span = Abs(s, e);
    return true;
  }

  // ", by the university team's count", "By the ministry's estimate, ...": the possessor counts.
  bool ReadByCount(size_t v, Cue& cue) {
    if (v > 0 && !Punct(v - 1, ',')) return false;
    size_t s = v + 1;
    size_t k = s;
    while (k < t_.size() && k < s + 6 && t_[k].kind == TokKind::kWord &&
           !(W(k).ends_with("'s") || W(k).ends_with("s'")))
      ++k;
    if (k >= t_.size() || t_[k].kind != TokKind::kWord) return false;
    if (!(W(k).ends_with("'s") || W(k).ends_with("s'"))) return false;
    size_t n = k + 1;
    if (W(n) == "own") ++n;
    if (!IsAnyWord(W(n), {"count", "counts", "estimate", "estimates", "tally", "reckoning",
                          "figures", "calculation", "calculations"}))
      return false;
    for (size_t j = s; j < k; ++j)
      if (IsFunctionWord(W(j)) && !IsAnyWord(W(j), {"the", "a", "an", "of"})) return false;
    std::string source = Text(s, k + 1);
    const size_t cut = W(k).ends_with("'s") ? 2 : 1;
    source.resize(source.size() - cut);
    if (source.empty()) return false;
    cue.subject_begin = s;
    cue.subject_end = k + 1;
    cue.begin = v;
    cue.end = n + 1;
    cue.postposed = v > 0;
    cue.attribution.source = std::move(source);
    cue.attribution.span = Abs(s, k + 1);
    cue.attribution.span.end -= static_cast<uint32_t>(cut);
    return true;
  }

  // "Itar-Tass quoted the interior ministry as saying", "the daily Kathimerini quoted police as
  // saying": the object speaks and the subject relays.
  bool ReadQuotedAs(size_t v, Cue& cue) {
    size_t o = v + 1;
    size_t as = o;
    while (as < t_.size() && as < o + 12 && !(W(as) == "as" && IsAnyWord(W(as + 1),
                                                                    {"saying", "telling",
                                                                     "stating", "reporting"})))
      ++as;
    if (as >= t_.size() || as == o || W(as) != "as") return false;
    for (size_t k = o; k < as; ++k)
      if (t_[k].kind == TokKind::kNumber || (t_[k].kind == TokKind::kPunct && !Punct(k, '\'')))
        return false;
    // The relay: the subject before "quoted", back to a clause boundary.
    size_t s = v;
    size_t relay_end = v;
    // "Itar-Tass, the Russian news agency, quoted Ivanov as saying": the name before an
    // appositive between commas.
    if (v > 2 && Punct(v - 1, ',')) {
      size_t c = v - 2;
      while (c > 0 && v - 2 - c < 8 && t_[c].kind == TokKind::kWord) --c;
      if (Punct(c, ',') && c > 0 && t_[c - 1].kind == TokKind::kWord) {
        relay_end = c;
        s = c;
      }
    }
    while (s > 0 && relay_end - s < 8 &&
           (t_[s - 1].kind == TokKind::kWord || Punct(s - 1, '\'')) && !StopsSubject(W(s - 1)))
      --s;
    // "the ministry's interior agency in the troubled republic": the speaker ends before a
    // place phrase.
    size_t e = o;
    while (e < as && !(e > o && IsAnyWord(W(e), {"in", "at", "of", "on"}) && W(e) != "of")) ++e;
    cue.subject_begin = o;
    cue.subject_end = e;
    cue.begin = s < relay_end ? s : v;
    cue.end = as + 2;
    cue.postposed = s > 0 && (Punct(s - 1, ',') || Punct(s - 1, '"'));
    if (W(as + 2) == "that") cue.postposed = false;
    // A clause follows "as saying" ("quoted Ivanov as saying the information included ..."):
    // the report is what comes after.
    if (cue.postposed && as + 2 < t_.size() && t_[as + 2].kind == TokKind::kWord)
      cue.postposed = false;
    cue.attribution.source = Text(o, e);
    cue.attribution.span = Abs(o, e);
    if (s < relay_end) {
      cue.attribution.relays.push_back(StripRelayPrefix(Text(s, relay_end)));
      cue.attribution.relay_spans.push_back(Abs(s, relay_end));
    }
    return true;
  }

  bool ReadVerb(size_t v, Cue& cue) {
    std::string_view verb = W(v);
    if (IsAnyWord(verb, {"quoted", "quotes", "cited", "cites"}) && ReadQuotedAs(v, cue))
      return true;
    // "the ministry was reporting at least 27 deaths": a progressive reporting verb.
    bool progressive = IsAnyWord(verb, {"reporting", "saying", "estimating", "confirming"}) &&
                       v > 1 && IsAnyWord(W(v - 1), {"was", "were", "is", "are", "been"});
    // "Sachs suggested that ...", "Clinton also proposed that ...", "cautioned Friday that":
    // verbs that report a clause only when "that" follows (after at most a day); with a plain
    // object ("proposed a $1.82 trillion budget") they report nothing. "Officials claim that",
    // "The Red Cross, estimating that 5,000 had fled, ...", "analysts predicted that".
    bool that_verb = IsAnyWord(verb, {"suggested", "suggests", "proposed", "proposes",
                                      "cautioned", "cautions", "hinted", "hints", "claim",
                                      "argued", "argues", "predicted", "predicts",
                                      "forecast", "forecasts", "projected", "calculated",
                                      "calculates", "estimating", "believes", "believe",
                                      "posted", "posts"});
    if (that_verb) {
      size_t n = v + 1;
      if (W(n) == "on" && WeekdayOf(W(n + 1))) ++n;
      // "posted on Facebook that", "wrote on X that".
      if (W(n) == "on" && n + 1 < t_.size() && t_[n + 1].capitalized && W(n + 2) == "that") n += 2;
      if (WeekdayOf(W(n)) || IsAnyWord(W(n), {"yesterday", "today"})) ++n;
      if (W(n) != "that") return false;
    }
    // "Thursday's data showed imports of 6.2 million tonnes", "a survey indicated": a verb
    // that reports only when its subject is a body of figures (checked below).
    bool shows = IsAnyWord(verb, {"showed", "shows", "show", "indicated", "indicates", "found",
                                  "finds", "concluded", "concludes"});
    if (!IsReportingVerb(verb) && !progressive && !that_verb && !shows) return false;
    // "found"/"concluded" report only before "that" or punctuation (", the study found,"):
    // "Investigators found 12 fuel canisters" found things.
    if (IsAnyWord(verb, {"found", "finds", "concluded", "concludes"}) && v + 1 < t_.size() &&
        W(v + 1) != "that" && t_[v + 1].kind != TokKind::kPunct)
      return false;
    // "we didn't say we wanted ...", "officials did not say how many": no report.
    if (v > 0 && (IsAnyWord(W(v - 1), {"didn't", "not", "never", "doesn't", "don't", "won't",
                                        "wouldn't", "couldn't", "cannot", "can't"}) ||
                  (v > 1 && W(v - 1) == "t" && Punct(v - 2, '\''))))
      return false;
    // "The quake claimed 300 lives": an outcome, not a claim.
    if (IsAnyWord(verb, {"claimed", "claims", "claim"}))
      for (size_t k = v + 1; k < t_.size() && k <= v + 4; ++k)
        if (IsAnyWord(W(k), {"lives", "life", "victims"})) return false;
    // Verbs that also take a plain object ("the centre admitted 150 patients", "revealed
    // 12 bodies") report only before "that", punctuation or an adverbial ("admitted at a
    // briefing", "acknowledged on Monday").
    if (IsAnyWord(verb, {"admitted", "acknowledged", "conceded", "explained", "revealed",
                         "disclosed"}) &&
        v + 1 < t_.size() && t_[v + 1].kind != TokKind::kPunct &&
        !IsAnyWord(W(v + 1), {"that", "at", "on", "in", "during", "after", "later",
                              "yesterday", "today", "last", "this", "when", "while", "as"}))
      return false;
    if (!progressive &&
        v > 0 && IsAnyWord(W(v - 1), {"the", "a", "an", "its", "their", "was", "were", "is",
                                      "are", "be", "been", "for", "of", "in", "on", "with",
                                      "by", "from", "about", "against", "over"}))
      return false;  // "the confirmed toll", "an estimated 300", "was reported", "for claims"
    // "Initial reports that 176 people had died": a noun, and the reports are the source.
    if (IsAnyWord(verb, {"reports", "estimates", "claims"}) && v > 0 &&
        IsAnyWord(W(v - 1), {"initial", "early", "earlier", "first", "latest", "new", "official",
                             "unconfirmed", "preliminary", "local", "media", "press", "news",
                             "some", "other", "conflicting"}) &&
        W(v + 1) == "that") {
      size_t s = v - 1;
      if (s > 0 && IsAnyWord(W(s - 1), {"the", "some"})) --s;
      cue.subject_begin = s;
      cue.subject_end = v + 1;
      cue.begin = s;
      cue.end = v + 2;
      cue.postposed = false;
      cue.attribution.source = Text(s, v + 1);
      cue.attribution.span = Abs(s, v + 1);
      return true;
    }
    if (verb == "put" || verb == "puts") {
      bool at = false;
      for (size_t k = v + 1; k < t_.size() && !at; ++k) at = W(k) == "at";
      if (!at) return false;
    }
    std::vector<std::string> relays;
    std::vector<Span> relay_spans;
    // Inverted: ", said the ministry." / ", said Ola Brandt, the finance minister." Never
    // "told": its object is the audience (", Abel Nkosi, told PAP.").
    // A quote may close between the comma and the verb: '"... their lives," said X.'
    bool after_comma = v > 0 && (Punct(v - 1, ',') || (v > 1 && Punct(v - 1, '"') &&
                                                       Punct(v - 2, ',')));
    // Only verbs that are inverted in news prose: "announced the decision" has an object.
    bool invertible = IsAnyWord(verb, {"said", "says", "added", "adds", "wrote", "writes",
                                       "reported", "reports", "explained", "noted", "insisted",
                                       "warned", "stated", "continued", "tweeted", "admitted",
                                       "acknowledged", "conceded", "claimed", "estimated"});
    if (after_comma && invertible && v + 1 < t_.size() && t_[v + 1].kind == TokKind::kWord &&
        verb != "told" && verb != "tells" && !shows) {
      size_t e = PhraseEnd(v + 1, 10, true);
      bool to_end = e >= t_.size() || Punct(e, '.') || Punct(e, ';');
      // ", said Dr Lena Horvat, 47, who runs the ward": an age or a relative clause after
      // the speaker ends the phrase too.
      if (!to_end && Punct(e, ',') && e + 1 < t_.size()) {
        bool age = t_[e + 1].kind == TokKind::kNumber && sc_.Raw(t_[e + 1]).size() <= 3 &&
                   (e + 2 >= t_.size() || Punct(e + 2, ',') || Punct(e + 2, '.'));
        to_end = age || IsAnyWord(W(e + 1), {"who", "whose", "which"});
        // ", said Lucien Farel, president of the growers' association.": an appositive
        // (a title, no verb) runs to the end of the sentence.
        if (!to_end) {
          size_t k = e + 1;
          bool plain = k < t_.size() && !t_[k].capitalized;
          while (plain && k < t_.size() && k < e + 15 && !Punct(k, '.')) {
            // "a 39-year-old fisherwoman": an age glued into the title.
            if ((t_[k].kind == TokKind::kNumber || Punct(k, '-')) && k + 1 < t_.size() &&
                !t_[k + 1].space_before) {
              ++k;
              continue;
            }
            plain = (t_[k].kind == TokKind::kWord && !IsReportingVerb(W(k)) &&
                     !IsAnyWord(W(k), {"was", "were", "is", "are", "had", "has", "have", "and",
                                       "but", "said", "who", "which", "that"})) ||
                    Punct(k, '\'');
            ++k;
          }
          to_end = plain && (k >= t_.size() || Punct(k, '.'));
        }
      }
      // The inverted speaker is a name or a determined noun phrase, never a clause
      // ("said four civilians were killed").
      // "said chief executive Helen Brandvold": a lower-case title before a name.
      bool titled = false;
      for (size_t k = v + 2; k < e && k < v + 4 && !titled; ++k) titled = t_[k].capitalized;
      bool np_start = t_[v + 1].capitalized || titled ||
                      IsAnyWord(W(v + 1), {"the", "a", "an", "police", "officials", "witnesses",
                                           "residents", "rescuers", "doctors", "authorities",
                                           "organisers", "organizers", "analysts"});
      for (size_t k = v + 1; k < e && np_start; ++k)
        np_start = !IsAnyWord(W(k), {"were", "was", "is", "are", "had", "have", "has", "been",
                                     "will", "would", "could", "did", "died", "killed"});
      if (e > v + 1 && to_end && np_start &&
          !IsAnyWord(W(v + 1), {"that", "it", "they", "he", "she", "in", "on", "at", "after",
                                "before", "during", "late", "early", "last", "yesterday",
                                "today", "earlier", "later", "this", "when", "while", "by",
                                "with", "without", "to", "of", "from"})) {
        cue.subject_begin = v + 1;
        cue.subject_end = e;
        cue.begin = v;
        cue.end = e;
        cue.postposed = true;
        cue.attribution.source = Text(v + 1, e);
        cue.attribution.span = Abs(v + 1, e);
        return true;
      }
    }
    // "according to the weather service, which said the storm lasted 20 minutes": the speaker
    // of a relative clause is the noun phrase before the comma.
    if (v >= 3 && IsAnyWord(W(v - 1), {"which", "who"}) && Punct(v - 2, ',')) {
      size_t e = v - 2, s = e;
      while (s > 0 && e - s < 8 && t_[s - 1].kind == TokKind::kWord && !StopsSubject(W(s - 1)) &&
             !IsAnyWord(W(s - 1), {"to", "from", "by", "of", "in", "on", "at", "for"}))
        --s;
      if (s < e && (W(s - 1) == "to" || W(s - 1) == "from" || W(s - 1) == "by" || s == 0 ||
                    t_[s - 1].kind == TokKind::kPunct) &&
          (t_[s].capitalized || IsAnyWord(W(s), {"the", "a", "an"}))) {
        cue.subject_begin = s;
        cue.subject_end = e;
        cue.begin = v - 1;
        cue.end = v + 1;
        cue.postposed = false;
        cue.attribution.source = Text(s, e);
        cue.attribution.span = Abs(s, e);
        return true;
      }
    }
    // The speaker before the verb.
    size_t p = v;
    size_t opening_subject = 0;
    if (progressive) {
      --p;
      if (W(p) == "been" && p > 0 && IsAnyWord(W(p - 1), {"has", "have", "had"})) --p;
    }
    while (p > 0 && IsSkippableAdverb(W(p - 1))) --p;
    // "a boxing source who requested anonymity told AP", "an official, who asked not to be
    // named, said": a relative clause about the speaker's anonymity is skipped.
    for (size_t w = p; w > 0 && p - w < 10; --w) {
      if (!IsAnyWord(W(w - 1), {"who"})) continue;
      bool anon = false;
      for (size_t k = w; k < p && !anon; ++k)
        anon = IsAnyWord(W(k), {"anonymity", "named", "identified", "anonymous", "identify"});
      if (anon) {
        p = w - 1;
        if (p > 0 && Punct(p - 1, ',')) --p;
      }
      break;
    }
    // "Governor Ellen Marsh declared a state of emergency and said ...": the speaker of a
    // reporting verb joined by "and" to an earlier verb is the subject that opens the sentence,
    // a capitalized name or title of at most five words, with no punctuation before the verb.
    if (p > 2 && W(p - 1) == "and") {
      size_t k = 0;
      while (k < p - 1 && k < 5 && t_[k].kind == TokKind::kWord && t_[k].capitalized) ++k;
      bool verb_after = k > 0 && k < p - 1 && t_[k].kind == TokKind::kWord && !t_[k].capitalized &&
                        (W(k).ends_with("ed") || IsAnyWord(W(k), {"has", "had", "was", "went",
                                                                   "made", "met", "gave", "took",
                                                                   "spoke", "came", "flew"}));
      bool clean = verb_after && k >= 2;
      for (size_t m = k; m < p - 1 && clean; ++m) clean = t_[m].kind != TokKind::kPunct;
      if (clean) opening_subject = k;
    }
    size_t subject_end = p;
    size_t appositive_begin = 0, appositive_end = 0;
    // An age between commas: "Emil Dask, 54, said", "Petra Lenz, 41, told the Gazette".
    if (p > 3 && Punct(p - 1, ',') && t_[p - 2].kind == TokKind::kNumber &&
        sc_.Raw(t_[p - 2]).size() <= 3 && Punct(p - 3, ',') && t_[p - 4].kind == TokKind::kWord) {
      p -= 3;
      subject_end = p;
    }
    // "Jim Hall, whose agency is investigating the crash that killed 217 people off the coast of
    // Massachusetts, announced ...": a long relative clause about the speaker.
    if (p > 3 && Punct(p - 1, ',')) {
      for (size_t k = p - 2; k > 1 && p - k < 28; --k) {
        if (t_[k].kind == TokKind::kPunct && !Punct(k, '\'')) break;
        if (IsAnyWord(W(k), {"who", "whose"}) && Punct(k - 1, ',') && k >= 2 &&
            t_[k - 2].capitalized) {
          p = k - 1;
          subject_end = k - 1;
          break;
        }
      }
    }
    if (p > 0 && Punct(p - 1, ',')) {
      // ", quoted by state radio," or ", Jonas Reit," between the speaker and the verb.
      size_t q = p - 1;
      size_t k = q;
      while (k > 0 && q - k < 8 && t_[k - 1].kind == TokKind::kWord) --k;
      if (k > 0 && k < q && Punct(k - 1, ',')) {
        if (IsAnyWord(W(k), {"who", "whose"}) && k >= 2 && t_[k - 2].capitalized) {
          // "Maria Kell, whose son is in hospital, wrote on X": a relative clause about the
          // speaker is skipped.
          subject_end = k - 1;
          p = k - 1;
        } else if (IsAnyWord(W(k), {"quoted", "cited", "speaking", "writing"})) {
          size_t r = k + 1;
          if (IsAnyWord(W(r), {"by", "to", "on", "in"})) ++r;
          if (r < q) {
            relays.push_back(StripRelayPrefix(Text(r, q)));
            relay_spans.push_back(Abs(r, q));
          }
          subject_end = k - 1;
          p = k - 1;
        } else if (t_[k].capitalized) {
          appositive_begin = k;
          appositive_end = q;
          subject_end = q;
          p = k - 1;
        } else if (IsAnyWord(W(k), {"a", "an", "the"}) && k >= 2 &&
                   t_[k - 2].kind == TokKind::kWord && t_[k - 2].capitalized) {
          // "YRC Worldwide, a large trucking company, told the Journal", "Northgrid, the
          // electricity company, said": the description between commas is skipped and the
          // name before it speaks.
          subject_end = k - 1;
          p = k - 1;
        } else if (k >= 2 && t_[k - 2].kind == TokKind::kWord && t_[k - 2].capitalized &&
                   q - k <= 8) {
          // "James Leake, managing director of ICAP Shipping Research, told the conference":
          // a lower-case title between commas after a name.
          bool title = true;
          for (size_t m = k; m < q && title; ++m)
            title = !IsReportingVerb(W(m)) && !W(m).ends_with("ed") &&
                    !IsAnyWord(W(m), {"he", "she", "they", "it", "who", "which", "that", "was",
                                      "were", "is", "are", "has", "have", "had", "will"});
          if (!title) return false;
          subject_end = k - 1;
          p = k - 1;
        } else {
          return false;
        }
      } else {
        return false;
      }
    }
    size_t s = p;
    while (s > 0 && p - s < 10) {
      // "Dr. Ruth Ames said": the period of a title does not end the subject.
      if (s > 1 && Punct(s - 1, '.') && IsTitle(W(s - 2)) && t_[s].capitalized) {
        s -= 2;
        continue;
      }
      const Tok& t = t_[s - 1];
      // "the Centers for Disease Control and Prevention reported": "and" inside a name.
      if (t.lower == "and" && s < p && s >= 2 && t_[s].capitalized && t_[s - 2].capitalized &&
          t_[s - 2].kind == TokKind::kWord) {
        --s;
        continue;
      }
      // "Activists and witnesses said", "Canada and the United States announced": two
      // speakers joined by "and" at the start of a clause. The first conjunct is at most three
      // words ending in a name or a plural noun, so that "the toll rose and officials said"
      // keeps "officials".
      if (t.lower == "and" && s < p && s >= 2) {
        size_t c = s - 1, k = c;
        while (k > 0 && c - k < 3 && t_[k - 1].kind == TokKind::kWord &&
               !StopsSubject(W(k - 1)) && !W(k - 1).ends_with("ed") &&
               !IsAnyWord(W(k - 1), {"he", "she", "they", "we", "i", "it"}))
          --k;
        bool noun = t_[c - 1].capitalized || (W(c - 1).ends_with("s") && !W(c - 1).ends_with("ss"));
        if (k < c && noun && (k == 0 || t_[k - 1].kind == TokKind::kPunct)) s = k;
        break;
      }
      // Tokenised text splits the possessive: "Haiti 's government has said".
      if (s > 2 && s < p && t.kind == TokKind::kWord && t.lower == "s" && Punct(s - 2, '\'') &&
          t_[s - 3].kind == TokKind::kWord && !StopsSubject(W(s - 3))) {
        s -= 3;
        continue;
      }
      // "The WHO said": the organisation, not the pronoun.
      if (t.kind != TokKind::kWord || (StopsSubject(t.lower) && sc_.Raw(t) != "WHO")) break;
      --s;
      // A subject pronoun opens its clause: "told the Gazette she had warned" has "she".
      if (IsAnyWord(t.lower, {"he", "she", "they", "we", "i"})) break;
    }
    if (appositive_begin > 0 && s == p) {
      s = appositive_begin;  // ", Jonas Reit, said" with nothing before the first comma
    }
    if (opening_subject > 0) {
      s = 0;
      subject_end = opening_subject;
    }
    if (s >= subject_end) return false;
    if (s == p && appositive_begin == 0 && s == subject_end) return false;
    // Drop a leading time phrase: "On Tuesday the ministry said".
    cue.subject_begin = s;
    cue.subject_end = subject_end;
    cue.begin = s;
    cue.end = v + 1;
    // ", the agency said" or a closing quote: '"At least 60 were hurt," the spokesman added.'
    // Wire copy closes a quote with two apostrophes: "... two or three years,'' Conley said."
    cue.postposed = s > 0 && (Punct(s - 1, ',') || Punct(s - 1, '"') ||
                              (s > 1 && Punct(s - 1, '\'') && Punct(s - 2, '\'')));
    if (shows && !IsAnyWord(W(subject_end - 1), {"data", "figures", "statistics", "survey",
                                                  "surveys", "poll", "polls", "study",
                                                  "census", "records", "estimates", "report",
                                                  "analysis", "investigation", "review",
                                                  "inquiry", "audit", "researchers",
                                                  "scientists", "studies", "investigators"}))
      return false;
    cue.attribution.source = Text(s, subject_end);
    cue.attribution.span = Abs(s, subject_end);
    (void)appositive_end;
    // "told the news agency VNA" adds the outlet as a relay.
    if (verb == "told" || verb == "tells") {
      size_t r = v + 1;
      size_t e = PhraseEnd(r, 6, false);
      bool generic = false;
      for (size_t k = r; k < e; ++k) generic = generic || IsGenericAudience(W(k));
      if (e > r && !generic) {
        relays.push_back(StripRelayPrefix(Text(r, e)));
        relay_spans.push_back(Abs(r, e));
      }
      if (e > r) cue.end = e;
    }
    // "VNA reported, citing local officials": the officials speak, VNA relays. "State
    // television put the death toll at 16, citing hospital sources": after the verb's object.
    size_t c = cue.end;
    bool later = false;  // the citing phrase follows the verb's object: the cue keeps its end
    if ((verb == "put" || verb == "puts") && !Punct(c, ',')) {
      for (size_t k = c; k + 1 < t_.size() && k < c + 12; ++k) {
        if (Punct(k, ',') && IsAnyWord(W(k + 1), {"citing", "quoting"})) {
          c = k;
          later = true;
          break;
        }
        if (Punct(k, '.') || Punct(k, ';')) break;
      }
    }
    if (Punct(c, ',') && IsAnyWord(W(c + 1), {"citing", "quoting"})) {
      size_t r = c + 2;
      size_t e = PhraseEnd(r, 8, false);
      if (e > r) {
        relays.insert(relays.begin(), cue.attribution.source);
        relay_spans.insert(relay_spans.begin(), cue.attribution.span);
        cue.attribution.source = Text(r, e);
        cue.attribution.span = Abs(r, e);
        if (!later) cue.end = e;
      }
    }
    // "As of Friday, the ministry was reporting at least 27 deaths": a clause after a comma
    // whose verb goes straight on to a number or "that" introduces what follows; it is not a
    // postposed ", the ministry said." covering what came before.
    // "However, Russian officials said Saturday that all 118 ...": a day between the verb and
    // "that" does not make the clause postposed.
    size_t after_day = cue.end;
    if (W(after_day) == "on" && WeekdayOf(W(after_day + 1))) ++after_day;
    if (WeekdayOf(W(after_day)) || IsAnyWord(W(after_day), {"yesterday", "today", "tonight"}))
      ++after_day;
    if (cue.postposed && after_day > cue.end && W(after_day) == "that") cue.postposed = false;
    if (cue.postposed && cue.end < t_.size() &&
        (t_[cue.end].kind == TokKind::kNumber || W(cue.end) == "that" ||
         (W(cue.end) == "at" && W(cue.end + 1) == "least") ||
         (IsAnyWord(W(cue.end), {"more", "fewer", "less"}) && W(cue.end + 1) == "than") ||
         (W(cue.end) == "up" && W(cue.end + 1) == "to") ||
         IsAnyWord(W(cue.end), {"about", "around", "nearly", "almost", "roughly", "some",
                                "between"})))
      cue.postposed = false;
    // "On taxes, Summers said Clinton would support a $250 billion cut": a clause after the
    // verb (a name, a determiner or a subject pronoun, not a day) means the comma only closes
    // an opening phrase, and the report follows.
    // "Earlier this week, Adadi Rajabu, ..., said police were holding two suspects": a noun
    // after the verb opens the reported clause too (not a preposition, adverb or time word:
    // ", officials said in a statement.").
    if (cue.postposed && cue.end < t_.size() && t_[cue.end].kind == TokKind::kWord &&
        !WeekdayOf(W(cue.end)) && !MonthOf(W(cue.end)) &&
        (t_[cue.end].capitalized ||
         IsAnyWord(W(cue.end), {"the", "a", "an", "he", "she", "they", "it", "there", "we"}) ||
         (!IsFunctionWord(W(cue.end)) && !W(cue.end).ends_with("ly") &&
          !W(cue.end).ends_with("ing") &&
          !IsAnyWord(W(cue.end), {"late", "early", "last", "yesterday", "today", "tonight",
                                  "earlier", "later", "according", "without", "afterwards",
                                  "recently", "previously", "separately", "privately",
                                  "publicly", "again", "too", "instead", "once", "twice"}))))
      cue.postposed = false;
    for (std::string& r : relays) r = StripRelayPrefix(std::move(r));
    cue.attribution.relays = std::move(relays);
    cue.attribution.relay_spans = std::move(relay_spans);
    return true;
  }

  const Scanner& sc_;
  const std::vector<Tok>& t_;
  uint32_t base_;
};

// True when tokens [begin, last) lie inside a quotation that closes before `close_by`: an
// opening quote before `begin` (``, or an odd count of '"'), and a closing quote in
// [last, close_by).
bool QuotedBetween(const std::vector<Tok>& t, size_t begin, size_t last, size_t close_by) {
  size_t straight = 0;
  bool open = false;
  for (size_t k = 0; k < begin && k < t.size(); ++k) {
    if (IsPunct(t[k], '"')) ++straight;
    if (k + 1 < t.size() && IsPunct(t[k], '`') && IsPunct(t[k + 1], '`')) open = true;
    if (k + 1 < t.size() && IsPunct(t[k], '\'') && IsPunct(t[k + 1], '\'')) open = false;
  }
  if (!open && straight % 2 == 0) return false;
  for (size_t k = last; k < close_by && k < t.size(); ++k)
    if (IsPunct(t[k], '"') || (k + 1 < t.size() && IsPunct(t[k], '\'') && IsPunct(t[k + 1], '\'')))
      return true;
  return false;
}

}  // namespace

std::vector<Cue> FindCues(const Scanner& scanner, uint32_t base) {
  return CueReader(scanner, base).Read();
}

Attribution AttributionFor(const std::vector<Cue>& cues, const std::vector<Tok>& tokens,
                           size_t first, size_t last, uint32_t /*base*/) {
  const Cue* right = nullptr;
  const Cue* left = nullptr;
  for (const Cue& c : cues) {
    if (c.begin >= last && right == nullptr) right = &c;
    if (c.end <= first) left = &c;
  }
  if (right != nullptr && right->postposed) {
    // '"The institute estimates that 175,000 girls have used steroids," Moses said.': a
    // reporting clause inside the quote names the source, and the quoted speaker relays it.
    if (left != nullptr && !left->postposed && QuotedBetween(tokens, left->begin, last,
                                                             right->begin)) {
      Attribution chained = left->attribution;
      chained.relays.push_back(right->attribution.source);
      chained.relay_spans.push_back(right->attribution.span);
      for (size_t k = 0; k < right->attribution.relays.size(); ++k) {
        chained.relays.push_back(right->attribution.relays[k]);
        if (k < right->attribution.relay_spans.size())
          chained.relay_spans.push_back(right->attribution.relay_spans[k]);
      }
      return chained;
    }
    return right->attribution;
  }
  if (left != nullptr && !left->postposed) return left->attribution;
  // "By the end of the week, some economists say, the strike will have cost $500 million": a
  // reporting clause between commas in mid-sentence covers the rest of the sentence too, unless
  // a conjunction opens a new clause after it (", the chief told reporters, and winds ...").
  // A speaker between two quotes ('"...," he says, "The smoker will have three ..."') too.
  auto closes_quote = [&](size_t k) {
    return IsPunct(tokens[k], '"') ||
           (k > 0 && IsPunct(tokens[k], '\'') && IsPunct(tokens[k - 1], '\''));
  };
  auto opens_quote = [&](size_t k) {
    return IsPunct(tokens[k], '"') ||
           (k + 1 < tokens.size() && IsPunct(tokens[k], '`') && IsPunct(tokens[k + 1], '`'));
  };
  if (left != nullptr && left->begin > 0 && left->end + 1 < tokens.size() &&
      (IsPunct(tokens[left->begin - 1], ',') || closes_quote(left->begin - 1)) &&
      IsPunct(tokens[left->end], ',') &&
      (tokens[left->end + 1].kind == TokKind::kWord || opens_quote(left->end + 1)) &&
      // ", by some estimates,": a noun, not a speaker with a verb.
      !IsAnyWord(tokens[left->subject_begin].lower, {"by", "in", "of", "at", "for", "from", "with",
                                                     "to", "on"}) &&
      !IsAnyWord(tokens[left->end + 1].lower,
                 {"who", "which", "whose", "where", "when", "and", "but", "or", "while", "as",
                  "although", "though", "so", "then", "before", "after", "because", "since"}))
    return left->attribution;
  return {};
}

}  // namespace sitrep::figures
