#pragma once
// Which pixels of a frame can differ from the previous frame's. ImGui rebuilds all its
// triangles every frame, but while a simulation runs almost nothing on screen changes (the
// progress bar, a hovered item); on a machine without a GPU, rasterising the whole window 40
// times a second takes CPU from the simulation. The tracker compares each window's triangles
// (corners, texture coordinates, colours, clip rectangle, texture) with the previous frame's
// and returns a rectangle that holds every triangle that appeared, disappeared or changed, in
// either frame; outside it both frames are pixel for pixel the same, so the frame can be drawn
// with every clip rectangle cut to it (clip_draw_data) on top of the previous picture.
//
// Conservative by construction: a change in the order or set of windows, a draw callback, a
// new display size or an invalidate() makes the whole display the damage. A triangle's pixels
// are taken as its corners (plus a margin for anti-aliasing) within the pixels the OpenGL3
// backend's scissor lets it draw.

#include <imgui.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace werkstroom::viz {

/// A rectangle in ImGui's display coordinates; empty when it has no area.
struct DisplayRect {
  float min_x = 0.0F;
  float min_y = 0.0F;
  float max_x = 0.0F;
  float max_y = 0.0F;
  [[nodiscard]] bool empty() const { return max_x <= min_x || max_y <= min_y; }
  bool operator==(const DisplayRect&) const = default;
};

class DamageTracker {
 public:
  /// The region where `frame` may differ from the frame given to the previous call, rounded
  /// out to whole pixels and held within the display (empty: nothing changed).
  [[nodiscard]] DisplayRect update(const ImDrawData& frame);
  /// The next update returns the whole display (after the window was resized or exposed).
  void invalidate() { valid_ = false; }

 private:
  // One triangle as bits (3 x ImDrawVert, the clip rectangle and the texture), compared
  // exactly, with the pixels it can touch (its corners' box within its clip rectangle).
  struct Triangle {
    std::array<std::uint32_t, 24> bits{};
    DisplayRect bounds;
  };
  struct WindowTriangles {
    std::string owner;
    std::vector<Triangle> triangles;
  };
  // Fills `into` from `frame`; false if the frame has a draw callback (cannot be compared).
  static bool snapshot(const ImDrawData& frame, std::vector<WindowTriangles>& into);

  std::vector<WindowTriangles> previous_;
  std::vector<WindowTriangles> current_;
  ImVec2 display_pos_{0.0F, 0.0F};
  ImVec2 display_size_{0.0F, 0.0F};
  bool valid_ = false;
};

/// Cuts every clip rectangle of `frame` to `rect` (whole pixels), so that ImGui's OpenGL3
/// backend draws exactly the pixels inside `rect` it would draw for the uncut frame, and none
/// outside; commands left without area are skipped. Display coordinates must be framebuffer
/// pixels (FramebufferScale 1, DisplayPos 0); the frame presenter draws other frames whole.
void clip_draw_data(ImDrawData& frame, const DisplayRect& rect);

}  // namespace werkstroom::viz
