# Finds sitrep's third-party libraries (Debian 12 packages; see scripts/deps.sh) and
# exposes each as an imported target named dep::<name>.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

find_package(ICU REQUIRED COMPONENTS uc i18n data)
find_package(simdjson REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(ZLIB REQUIRED)
find_package(TBB REQUIRED)
find_package(tl-expected REQUIRED)
find_package(SQLite3 REQUIRED)

pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(LIBARCHIVE REQUIRED IMPORTED_TARGET libarchive)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
pkg_check_modules(GEOGRAPHICLIB IMPORTED_TARGET geographiclib)

# Libraries without CMake or pkg-config files.
function(sitrep_find_plain name header lib)
  find_path(${name}_INCLUDE_DIR ${header} REQUIRED)
  find_library(${name}_LIBRARY ${lib} REQUIRED)
  add_library(dep::${name} UNKNOWN IMPORTED)
  set_target_properties(dep::${name} PROPERTIES
    IMPORTED_LOCATION ${${name}_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${${name}_INCLUDE_DIR})
endfunction()
sitrep_find_plain(stemmer libstemmer.h stemmer)
sitrep_find_plain(cld2 cld2/public/compact_lang_det.h cld2)
sitrep_find_plain(modest myhtml/api.h modest)
set_property(TARGET dep::modest APPEND PROPERTY INTERFACE_LINK_LIBRARIES m Threads::Threads)
