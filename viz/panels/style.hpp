#pragma once
// The viewer's look: a light theme for reading figures, DejaVu Sans when installed, and the
// colours of scenarios and chart furniture.

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace werkstroom::viz::style {

/// Packs a colour as ImGui does (IM_COL32), without the macro's C-style casts.
[[nodiscard]] constexpr ImU32 rgba(std::uint32_t r, std::uint32_t g, std::uint32_t b,
                                   std::uint32_t a = 255) {
  return (a << 24U) | (b << 16U) | (g << 8U) | r;
}
/// The same colour with another alpha.
[[nodiscard]] constexpr ImU32 with_alpha(ImU32 colour, std::uint32_t a) {
  return (colour & 0x00FFFFFFU) | (a << 24U);
}

/// Colour of the i-th scenario (a colour-blind safe palette, repeating).
[[nodiscard]] ImU32 scenario_colour(std::size_t i);

inline constexpr ImU32 kText = rgba(33, 37, 41);
inline constexpr ImU32 kMutedText = rgba(108, 117, 125);
inline constexpr ImU32 kGrid = rgba(228, 231, 235);
inline constexpr ImU32 kAxis = rgba(173, 181, 189);
inline constexpr ImU32 kMarker = rgba(150, 120, 190);
inline constexpr ImU32 kGood = rgba(25, 135, 84);
inline constexpr ImU32 kBad = rgba(200, 50, 50);
/// A target someone has set (a reference line): neither good nor bad in itself.
inline constexpr ImU32 kReference = rgba(52, 58, 140);

/// Loads the fonts (before the atlas is built) and sets the theme. Without DejaVu Sans the
/// built-in font is used.
void setup(float font_size = 15.0F);

/// A child window drawn as a card: a border on the white page (unless `border` is false); no
/// child fills its background. Pair with end_panel_child.
void begin_panel_child(const char* id, ImVec2 size, bool border = true);
void end_panel_child();

/// The bold font for titles (the regular one when no bold font was found).
[[nodiscard]] ImFont* bold_font();

/// `text` in the current font and text colour, wrapped to the space left in the window at
/// spaces only (core/word_wrap.hpp), never inside a number as ImGui's own wrapping would.
void wrapped_text(std::string_view text);

/// A slider's display format for a value already written the reader's way ("€ 300.000",
/// "2,00", "80%"): a format without a conversion, which ImGui shows as it is ('%' doubled).
[[nodiscard]] std::string literal_format(std::string_view text);

}  // namespace werkstroom::viz::style
