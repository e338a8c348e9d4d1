// clean: separate an article's body from boilerplate, block by block.
//
// Method: the text is cut into blocks (lines/paragraphs); each block gets features (length,
// sentence punctuation, stop-word density, widget and link-like phrases from
// data/boilerplate-phrases.txt, position, repetition across the corpus, and what follows a
// reference-list or comment-thread heading), and a linear score decides body vs boilerplate.
// The first lines are also read for title, outlet, byline and publication date.
// Invariant: blocks tile the text in order; a dropped block carries the reason it was dropped,
// and nothing in a dropped block reaches a summary. Thread safety: Clean() is reentrant.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "sitrep/article.h"

namespace sitrep {

struct CleanOptions {
  float keep_threshold = 0.0f;       // blocks scoring below are dropped
  uint32_t min_body_chars = 25;      // shorter blocks need strong sentence evidence to be body
  bool use_cross_article_repetition = true;  // lines repeated across articles look like template
};

// Cleans every article in place: fills Article::blocks and, where the article's first lines
// say so and fields are empty, title/outlet/author/date.
void Clean(std::span<Article> articles, const CleanOptions& options);

}  // namespace sitrep
