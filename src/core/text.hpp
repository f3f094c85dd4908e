#pragma once
// Small text helpers used across modules.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bostad {

/// Edit distance counting insertions, deletions, substitutions and swaps of neighbours (on bytes).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a likely typo ("intt" → "init").
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates);

/// "a, b or c": an enumeration for messages that list what is accepted.
std::string join_alternatives(std::span<const std::string> items, std::string_view last_sep = " or ");

std::string join(std::span<const std::string> items, std::string_view sep);

std::string_view trim(std::string_view text);

/// True when `text` is valid UTF-8 (no overlong forms, no surrogates).
bool is_valid_utf8(std::string_view text);
/// The offset of the first byte that is not part of valid UTF-8; nullopt when all is.
std::optional<std::size_t> invalid_utf8_at(std::string_view text);

/// The text with every byte that is not part of valid UTF-8 written as \xNN (so it can be stored and read).
std::string escape_invalid_utf8(std::string_view text);

/// Text that is not valid UTF-8 read as Windows-1252 (a superset of ISO-8859-1's letters), in UTF-8; nullopt
/// when it does not read as such (a byte Windows-1252 leaves undefined, or a control character).
std::optional<std::string> from_windows_1252(std::string_view text);

/// The text with control characters (NUL, newline, ...) written as \xNN: for messages that name a value.
std::string escape_control(std::string_view text);

/// Lower-cases ASCII letters and the Swedish letters Å, Ä, Ö, É in UTF-8; leaves the rest.
std::string lower_sv(std::string_view text);

/// lower_sv() with the accents taken off the Swedish letters (å ä → a, ö → o, é → e, ü → u): "Håbo" and
/// "Habo" both give "habo". For matching names where the accent may be lost.
std::string fold_accents_sv(std::string_view text);

std::vector<std::string> split(std::string_view text, char sep);

/// `text` between two `quote` characters, with each `quote` inside doubled (SQL identifiers, CSV fields).
std::string quote_doubling(std::string_view text, char quote);

} // namespace bostad
