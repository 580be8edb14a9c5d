#pragma once
// Draws ImGui frames into the window, redrawing only what changed where the GL implementation
// lets the back buffer keep its pixels between frames: with GLX_MESA_copy_sub_buffer (Mesa,
// including the software renderer of machines without a GPU) the back buffer is never
// swapped, each frame is drawn into it within the damaged rectangle (damage_tracker.hpp), and
// that rectangle is copied to the window. Elsewhere every frame is drawn whole and swapped.

#include <imgui.h>

#include "app/damage_tracker.hpp"

struct GLFWwindow;

namespace werkstroom::viz {

class FramePresenter {
 public:
  /// `window`'s GL context must be current. `allow_partial` false: always draw whole frames.
  FramePresenter(GLFWwindow* window, bool allow_partial);

  /// Draws `frame` into the back buffer (all of it, or only where it differs from the frame
  /// drawn last; then `frame`'s clip rectangles are cut to that region). After this the back
  /// buffer holds the whole picture of `frame`, e.g. for a screenshot.
  void draw(ImDrawData& frame, int framebuffer_width, int framebuffer_height);
  /// Shows the back buffer in the window.
  void show();
  /// The window lost its pixels (exposed, resized): the next frame is drawn and shown whole.
  void invalidate() { tracker_.invalidate(); }

  [[nodiscard]] bool partial() const { return copy_sub_buffer_ != nullptr; }
  /// Share of the window's pixels redrawn by the frames drawn so far (1 when drawing whole).
  [[nodiscard]] double redrawn_share() const {
    return pixels_offered_ > 0.0 ? pixels_redrawn_ / pixels_offered_ : 1.0;
  }

 private:
  GLFWwindow* window_;
  void (*copy_sub_buffer_)() = nullptr;  // glXCopySubBufferMESA, when there is one
  DamageTracker tracker_;
  // What show() copies, in framebuffer pixels counted from the bottom (width 0: nothing).
  int copy_x_ = 0;
  int copy_y_ = 0;
  int copy_width_ = 0;
  int copy_height_ = 0;
  int last_width_ = 0;
  int last_height_ = 0;
  double pixels_offered_ = 0.0;
  double pixels_redrawn_ = 0.0;
};

}  // namespace werkstroom::viz
