// Wrapping at spaces only (viz/core/word_wrap.hpp), measured here in characters: numbers with
// '.' and ',' stay whole, which ImGui's own wrapping did not do ("EUR 200," / "000").

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/word_wrap.hpp"

using werkstroom::viz::wrap_at_spaces;

namespace {
float characters(std::string_view s) { return static_cast<float>(s.size()); }
}  // namespace

TEST_CASE("text wraps at spaces and never inside a number", "[viz][wrap]") {
  const std::string text = "Gooi en Vechtstreek mobility centre: 2 fte, EUR 200,000, 1 Nov 2020";
  const auto lines = wrap_at_spaces(text, 24.0F, characters);
  CHECK(lines == std::vector<std::string>{"Gooi en Vechtstreek", "mobility centre: 2 fte,",
                                          "EUR 200,000, 1 Nov 2020"});
  for (const std::string& line : lines) CHECK(line.size() <= 24);
  // A Dutch amount at the edge moves to the next line whole.
  CHECK(wrap_at_spaces("budget € 1.234.567 over", 12.0F, characters) ==
        std::vector<std::string>{"budget €", "1.234.567", "over"});
}

TEST_CASE("text keeps its own line breaks and a long word gets a line of its own", "[viz][wrap]") {
  CHECK(wrap_at_spaces("a b\n\nc", 80.0F, characters) == std::vector<std::string>{"a b", "", "c"});
  CHECK(wrap_at_spaces("to 1234567890123 ok", 5.0F, characters) ==
        std::vector<std::string>{"to", "1234567890123", "ok"});
  CHECK(wrap_at_spaces("", 10.0F, characters) == std::vector<std::string>{""});
  CHECK(wrap_at_spaces("  spaced   out  ", 80.0F, characters) ==
        std::vector<std::string>{"spaced out"});
}
