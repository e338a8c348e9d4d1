#include "web/charset.h"

#include <algorithm>
#include <cctype>

#include <simdjson.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

namespace sitrep::web {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.front())) || s.front() == '"' ||
                        s.front() == '\'')) s.remove_prefix(1);
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == '"' ||
                        s.back() == '\'' || s.back() == ';')) s.remove_suffix(1);
  return std::string(s);
}

// WHATWG label folding for the labels that matter in practice; others go to ICU as given.
std::string CanonicalCharset(std::string_view label) {
  std::string l = Lower(Trim(label));
  if (l.empty()) return {};
  if (l == "utf8" || l == "utf-8" || l == "unicode-1-1-utf-8") return "UTF-8";
  if (l == "iso-8859-1" || l == "latin1" || l == "iso8859-1" || l == "us-ascii" || l == "ascii" ||
      l == "l1" || l == "cp1252" || l == "windows-1252" || l == "iso_8859-1" || l == "x-cp1252")
    return "windows-1252";
  if (l == "iso-8859-9" || l == "latin5") return "windows-1254";
  if (l == "gb2312" || l == "gbk" || l == "x-gbk") return "GBK";
  if (l == "shift_jis" || l == "sjis" || l == "x-sjis") return "Shift_JIS";
  if (l == "utf-16" || l == "utf-16le") return "UTF-16LE";  // WHATWG: a meta utf-16 means utf-8,
  return l;                                                 // handled by the caller
}

bool ConverterExists(const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset.c_str(), &status);
  if (converter) ucnv_close(converter);
  return U_SUCCESS(status);
}

// <meta charset="x"> or <meta http-equiv="content-type" content="...; charset=x"> in the prefix.
std::string MetaCharset(std::string_view bytes) {
  std::string head = Lower(bytes.substr(0, 4096));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) break;
    std::string_view tag(head.data() + pos, end - pos);
    size_t c = tag.find("charset");
    if (c != std::string_view::npos) {
      size_t v = c + 7;
      while (v < tag.size() && (tag[v] == ' ' || tag[v] == '=' || tag[v] == '"' || tag[v] == '\''))
        ++v;
      size_t e = v;
      while (e < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[e])) || tag[e] == '-' ||
                                tag[e] == '_' || tag[e] == ':' || tag[e] == '.'))
        ++e;
      if (e > v) return std::string(tag.substr(v, e - v));
    }
    pos = end;
  }
  return {};
}

std::string Detect(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_FAILURE(status)) return "windows-1252";
  std::string_view sample = bytes.substr(0, 64 << 10);
  ucsdet_setText(detector, sample.data(), static_cast<int32_t>(sample.size()), &status);
  ucsdet_enableInputFilter(detector, true);  // ignore markup when guessing
  const UCharsetMatch* match = ucsdet_detect(detector, &status);
  std::string name = "windows-1252";
  if (U_SUCCESS(status) && match) {
    const char* n = ucsdet_getName(match, &status);
    if (U_SUCCESS(status) && n) name = CanonicalCharset(n);
  }
  ucsdet_close(detector);
  return name;
}

std::string Convert(std::string_view bytes, const std::string& charset) {
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), INT32_MAX)),
                          charset.c_str());
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) { return simdjson::validate_utf8(bytes.data(), bytes.size()); }

std::string CharsetFromContentType(std::string_view content_type) {
  std::string l = Lower(content_type);
  size_t c = l.find("charset=");
  if (c == std::string::npos) return {};
  std::string_view v(l);
  v = v.substr(c + 8);
  size_t end = v.find_first_of(";, ");
  return Trim(v.substr(0, end));
}

DecodedHtml DecodeHtml(std::string_view bytes, std::string_view http_content_type) {
  DecodedHtml out;
  // 1. Byte order mark.
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    out.charset = "UTF-8";
    out.how = "bom";
    out.input = bytes.substr(3);
    return out;
  }
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    out.charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    out.how = "bom";
    out.utf8 = Convert(bytes.substr(2), out.charset);
    out.converted = true;
    return out;
  }
  // 2. HTTP header, 3. <meta>.
  std::string declared = CanonicalCharset(CharsetFromContentType(http_content_type));
  out.how = "http";
  if (declared.empty() || !ConverterExists(declared)) {
    declared = CanonicalCharset(MetaCharset(bytes));
    out.how = "meta";
    // A page that reached us as bytes cannot be UTF-16 and say so in ASCII: WHATWG reads utf-8.
    if (declared.rfind("UTF-16", 0) == 0) declared = "UTF-8";
  }
  if (!declared.empty() && ConverterExists(declared)) {
    out.charset = declared;
    if (declared == "UTF-8") {
      out.input = bytes;  // not validated: invalid bytes become U+FFFD later, in NormalizeText
    } else {
      out.utf8 = Convert(bytes, declared);
      out.converted = true;
    }
    return out;
  }
  // 4. Undeclared: valid UTF-8 stays; else detect.
  if (IsValidUtf8(bytes)) {
    out.charset = "UTF-8";
    out.how = "utf8-valid";
    out.input = bytes;
    return out;
  }
  out.charset = Detect(bytes);
  out.how = "detected";
  if (!ConverterExists(out.charset)) out.charset = "windows-1252";
  out.utf8 = Convert(bytes, out.charset);
  out.converted = true;
  return out;
}

}  // namespace sitrep::web
