// The sentence selectors behind SummaryOptions::method. Each returns candidate indices of the
// EventModel in the order picked; summarize.cc orders them for reading and adds citations.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sitrep/article.h"
#include "summarize/event_model.h"

namespace sitrep::summarize {

struct Budget {
  uint32_t max_words = 100;     // 0 = no word limit
  uint32_t max_sentences = 0;   // 0 = no sentence limit
  bool overflow_last = false;   // the last sentence may run past max_words (cut by the scorer)
  bool readable_only = false;   // only sentences that stand alone (EventModel readability)
};

using Selection = std::vector<uint32_t>;

// Leading sentences of the newest article (NIST's DUC baseline).
Selection SelectLead(const EventModel& model, std::span<const Article> articles, const Budget& b);
// Sentences drawn at random (seeded).
Selection SelectRandom(const EventModel& model, const Budget& b, uint64_t seed);
// MEAD's centroid score (Radev et al. 2004): centroid words + position + first-sentence overlap.
Selection SelectCentroid(const EventModel& model, const Budget& b);
// LexRank (Erkan & Radev 2004): PageRank over the tf-idf cosine graph thresholded at 0.1.
Selection SelectLexRank(const EventModel& model, const Budget& b);
// TextRank (Mihalcea & Tarau 2004): weighted PageRank over normalized word overlap.
Selection SelectTextRank(const EventModel& model, const Budget& b);
// Bigram-concept coverage (Gillick & Favre 2009): concepts weighted by how many articles use
// them (content words too, at a small weight), a sentence's value the weight of the concepts it
// adds, halved when it reports someone's words ("..., officials said."); budgeted greedy (an
// approximation of their ILP).
Selection SelectConcepts(const EventModel& model, const Budget& b);
// Submodular coverage + diversity reward (Lin & Bilmes 2011), cost-scaled greedy.
Selection SelectSubmodular(const EventModel& model, const Budget& b);

}  // namespace sitrep::summarize
