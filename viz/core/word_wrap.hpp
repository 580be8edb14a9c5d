#pragma once
// Wrapping text at spaces only. ImGui's own wrapping (PushTextWrapPos) also breaks after '.'
// and ',', which splits numbers: "EUR 200,000" became "EUR 200," / "000" in the scenario list,
// and a Dutch "€ 1.234.567" can split the same way. Free of ImGui, so it is tested alone.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstroom::viz {

/// `text` cut into lines no wider than `width` as `measure` gives widths, breaking only at
/// spaces and at the text's own line breaks; the spaces at a break are dropped. A word wider
/// than `width` gets a line of its own (cut by the window, never split).
[[nodiscard]] std::vector<std::string> wrap_at_spaces(
    std::string_view text, float width, const std::function<float(std::string_view)>& measure);

}  // namespace werkstroom::viz
