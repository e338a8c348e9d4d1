// _sitrep: pybind11 bindings over include/sitrep only. No logic lives here: each function
// converts Python values (dicts, lists, bytes) to sitrep structs, makes one library call and
// converts back. Articles cross as plain dicts so they pickle (Dask ships them between
// processes); signatures and clusterer state cross as bytes.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "sitrep/brief.h"
#include "sitrep/clean.h"
#include "sitrep/cluster.h"
#include "sitrep/dedupe.h"
#include "sitrep/ingest.h"
#include "sitrep/render.h"
#include "sitrep/text.h"

namespace py = pybind11;

namespace sitrep {
namespace {

py::object g_error;  // sitrep.Error, created at import

[[noreturn]] void Raise(const Error& e) {
  PyErr_SetString(g_error.ptr(), e.ToString().c_str());
  throw py::error_already_set();
}

std::string GetStr(const py::dict& d, const char* key) {
  if (!d.contains(key) || d[key].is_none()) return {};
  return py::str(d[key]);
}

Article ToArticle(const py::dict& d, uint32_t index) {
  Article a;
  a.index = index;
  a.id = GetStr(d, "id");
  a.path = GetStr(d, "path");
  a.event_id = GetStr(d, "event_id");
  a.title = GetStr(d, "title");
  a.outlet = GetStr(d, "outlet");
  a.url = GetStr(d, "url");
  a.text = GetStr(d, "text");
  if (d.contains("record") && !d["record"].is_none()) a.record = d["record"].cast<int64_t>();
  std::string date = GetStr(d, "date");
  if (!date.empty()) a.date = ParsePublicationDate(date);
  if (d.contains("blocks") && !d["blocks"].is_none()) {
    for (const auto& b : d["blocks"].cast<py::list>()) {
      auto t = b.cast<std::tuple<uint32_t, uint32_t, bool>>();
      Block block;
      block.span = {std::get<0>(t), std::get<1>(t)};
      block.role = std::get<2>(t) ? BlockRole::kBody : BlockRole::kBoilerplate;
      a.blocks.push_back(block);
    }
  }
  return a;
}

py::dict FromArticle(const Article& a) {
  py::dict d;
  d["id"] = a.id;
  d["path"] = a.path;
  d["record"] = a.record;
  d["event_id"] = a.event_id;
  d["title"] = a.title;
  d["outlet"] = a.outlet;
  d["url"] = a.url;
  d["date"] = a.date ? py::object(py::str(a.date->ToIso())) : py::object(py::none());
  d["text"] = a.text;
  if (!a.blocks.empty()) {
    py::list blocks;
    for (const Block& b : a.blocks) blocks.append(py::make_tuple(b.span.begin, b.span.end, b.kept()));
    d["blocks"] = blocks;
  }
  if (!a.sentences.empty()) {
    py::list sentences;
    for (const Sentence& s : a.sentences) sentences.append(py::make_tuple(s.span.begin, s.span.end));
    d["sentences"] = sentences;
  }
  return d;
}

std::vector<Article> ToArticles(const py::list& list) {
  std::vector<Article> out;
  out.reserve(list.size());
  for (const auto& item : list) out.push_back(ToArticle(item.cast<py::dict>(), out.size()));
  return out;
}

py::list FromArticles(const std::vector<Article>& articles) {
  py::list out;
  for (const Article& a : articles) out.append(FromArticle(a));
  return out;
}

py::tuple FromIngest(const IngestResult& r) {
  py::list problems;
  for (const Error& e : r.report.problems) problems.append(e.ToString());
  return py::make_tuple(FromArticles(r.articles), problems);
}

py::dict FromAssignment(const Assignment& a) {
  py::dict d;
  d["event"] = a.event;
  d["similarity"] = a.similarity;
  d["new_event"] = a.new_event;
  py::list merges;
  for (const EventMerge& m : a.merges) merges.append(py::make_tuple(m.from, m.into));
  d["merges"] = merges;
  return d;
}

}  // namespace
}  // namespace sitrep

PYBIND11_MODULE(_sitrep, m) {
  using namespace sitrep;
  m.doc() = "sitrep: many news reports of one event -> one sourced situation report (C++ core)";
  g_error = py::reinterpret_borrow<py::object>(
      PyErr_NewExceptionWithDoc("sitrep.Error",
                                "A sitrep error: names the file, record, offset and a hint.",
                                PyExc_RuntimeError, nullptr));
  m.attr("Error") = g_error;

  m.def(
      "read",
      [](const std::vector<std::string>& paths) {
        IngestResult r;
        {
          py::gil_scoped_release release;
          r = Ingest(paths, IngestOptions{});
        }
        return FromIngest(r);
      },
      py::arg("paths"),
      "Reads files, folders, JSONL (article or cluster lines) or '-' (stdin).\n"
      "Returns (articles, problems): articles are dicts with id, path, record, event_id, title,\n"
      "outlet, url, date (ISO or None) and text; problems are 'path:line: message' strings.");
  m.def(
      "read_bytes",
      [](const std::string& name, const py::bytes& data) {
        std::string bytes = data;
        IngestResult r;
        {
          py::gil_scoped_release release;
          IngestBytes(name, bytes, IngestOptions{}, r);
        }
        return FromIngest(r);
      },
      py::arg("name"), py::arg("data"),
      "Extracts articles from in-memory bytes as if they were the file `name` (its extension\n"
      "picks the format when the content does not). Returns (articles, problems).");
  m.def(
      "clean",
      [](const py::list& articles) {
        std::vector<Article> a = ToArticles(articles);
        {
          py::gil_scoped_release release;
          Clean(a, CleanOptions{});
        }
        py::list out = FromArticles(a);
        for (size_t i = 0; i < a.size(); ++i) out[i].cast<py::dict>()["body"] = BodyText(a[i]);
        return out;
      },
      py::arg("articles"),
      "Separates body from boilerplate. Returns new dicts with 'blocks' [(begin, end, kept)]\n"
      "and 'body' (the kept text).");
  m.def(
      "annotate",
      [](const py::list& articles) {
        std::vector<Article> a = ToArticles(articles);
        {
          py::gil_scoped_release release;
          for (Article& article : a) SegmentArticle(article);
        }
        return FromArticles(a);
      },
      py::arg("articles"),
      "Splits each article's kept blocks into sentences: adds 'sentences' [(begin, end)] as\n"
      "byte spans of 'text'.");
  m.def(
      "minhash", [](const std::string& text) { return Sign(text, DedupeOptions{}); },
      py::arg("text"), "MinHash signature (128 hashes, word 5-shingles) of a text.");
  m.def(
      "dedupe",
      [](const py::list& articles) {
        std::vector<Article> a = ToArticles(articles);
        DedupeResult r;
        {
          py::gil_scoped_release release;
          r = Dedupe(a, DedupeOptions{});
        }
        return r.duplicate_of;
      },
      py::arg("articles"),
      "Near-duplicate detection (MinHash + LSH). Returns, per article, the index of the copy\n"
      "it duplicates, or -1.");
  m.def(
      "sign",
      [](const py::dict& article) {
        Article a = ToArticle(article, 0);
        std::string bytes;
        {
          py::gil_scoped_release release;
          bytes = EncodeSignature(SignArticle(a, SignOptions{}));
        }
        return py::bytes(bytes);
      },
      py::arg("article"),
      "The clustering signature of an article (terms, entities, day) as bytes: small,\n"
      "picklable, and what Clusterer.add takes.");

  py::class_<EventClusterer>(m, "Clusterer",
                             "Online event clustering: add signatures in stream order; each\n"
                             "gets an event id. Not thread-safe: one per stream.")
      .def(py::init([]() { return EventClusterer(ClusterOptions{}); }))
      .def(
          "add",
          [](EventClusterer& c, const py::bytes& signature) {
            auto s = DecodeSignature(std::string(signature));
            if (!s) Raise(s.error());
            return FromAssignment(c.Add(*s));
          },
          py::arg("signature"),
          "Assigns the next article. Returns {'event', 'similarity', 'new_event', 'merges':\n"
          "[(from, into)]}.")
      .def("resolve", &EventClusterer::Resolve, py::arg("event"),
           "The surviving event of an event id (follows merges).")
      .def(
          "events",
          [](const EventClusterer& c) {
            py::list out;
            for (const EventInfo& e : c.Events()) {
              py::dict d;
              d["id"] = e.id;
              d["size"] = e.size;
              d["label"] = e.label;
              d["first_date"] = e.first_day ? py::object(py::str(CivilDate::FromDays(*e.first_day).ToIso()))
                                            : py::object(py::none());
              d["last_date"] = e.last_day ? py::object(py::str(CivilDate::FromDays(*e.last_day).ToIso()))
                                          : py::object(py::none());
              out.append(d);
            }
            return out;
          },
          "Surviving events: [{'id', 'size', 'label', 'first_date', 'last_date'}].")
      .def(
          "save_state", [](const EventClusterer& c) { return py::bytes(c.SaveState()); },
          "The whole state as bytes (to resume, or to move the stream to another process).")
      .def_static(
          "load_state",
          [](const py::bytes& state) {
            auto c = EventClusterer::LoadState(std::string(state), ClusterOptions{});
            if (!c) Raise(c.error());
            return std::move(*c);
          },
          py::arg("state"), "A clusterer restored from save_state() bytes.");

  m.def(
      "brief",
      [](const py::list& articles, const std::string& format) {
        IngestResult input;
        input.articles = ToArticles(articles);
        input.report.articles_read = static_cast<uint32_t>(input.articles.size());
        std::string out;
        Error error;
        bool ok = false;
        {
          py::gil_scoped_release release;
          auto brief = BuildBrief(std::move(input), BriefOptions{});
          if (brief) {
            ok = true;
            out = format == "json" ? RenderJson(*brief, RenderOptions{})
                                   : RenderMarkdown(*brief, RenderOptions{});
          } else {
            error = brief.error();
          }
        }
        if (!ok) Raise(error);
        return out;
      },
      py::arg("articles"), py::arg("format") = "markdown",
      "The situation report of one event's articles, as Markdown or JSON ('json').\n"
      "Raises sitrep.Error when no article has a usable sentence.");
}
