#include "app/frame_presenter.hpp"

#include <GL/glx.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cstring>

namespace werkstroom::viz {

namespace {
using CopySubBufferMESA = void (*)(Display*, GLXDrawable, int, int, int, int);

// The page colour (style.cpp, WindowBg): cards and charts are drawn as borders on it, so the
// software renderer of a machine without a GPU shades each pixel about once.
void clear_to_page_colour() {
  glClearColor(1.0F, 1.0F, 1.0F, 1.0F);
  glClear(GL_COLOR_BUFFER_BIT);
}
}  // namespace

FramePresenter::FramePresenter(GLFWwindow* window, bool allow_partial) : window_(window) {
  if (!allow_partial) return;
  Display* display = glXGetCurrentDisplay();
  if (display == nullptr) return;
  const char* extensions = glXQueryExtensionsString(display, DefaultScreen(display));
  if (extensions == nullptr || std::strstr(extensions, "GLX_MESA_copy_sub_buffer") == nullptr) {
    return;
  }
  copy_sub_buffer_ = glXGetProcAddressARB(reinterpret_cast<const GLubyte*>("glXCopySubBufferMESA"));
}

void FramePresenter::draw(ImDrawData& frame, int framebuffer_width, int framebuffer_height) {
  glViewport(0, 0, framebuffer_width, framebuffer_height);
  const double pixels = static_cast<double>(framebuffer_width) * framebuffer_height;
  pixels_offered_ += pixels;
  if (!partial()) {
    clear_to_page_colour();
    ImGui_ImplOpenGL3_RenderDrawData(&frame);
    pixels_redrawn_ += pixels;
    return;
  }
  // The damage is kept in display coordinates, which must be framebuffer pixels for the
  // clipping to be exact (damage_tracker.hpp): other frames (a scaled display) are drawn whole.
  const bool pixel_coordinates = frame.FramebufferScale.x == 1.0F &&
                                 frame.FramebufferScale.y == 1.0F && frame.DisplayPos.x == 0.0F &&
                                 frame.DisplayPos.y == 0.0F;
  if (framebuffer_width != last_width_ || framebuffer_height != last_height_ ||
      !pixel_coordinates) {
    tracker_.invalidate();
    last_width_ = framebuffer_width;
    last_height_ = framebuffer_height;
  }
  const DisplayRect damage = tracker_.update(frame);
  copy_width_ = 0;
  if (damage.empty()) return;  // the back buffer already holds this frame
  const bool whole = !pixel_coordinates || (damage.min_x <= 0.0F && damage.min_y <= 0.0F &&
                                            damage.max_x >= static_cast<float>(framebuffer_width) &&
                                            damage.max_y >= static_cast<float>(framebuffer_height));
  // Whole pixels (the tracker rounds outwards), counted from the bottom for GL.
  const int x0 = whole ? 0 : std::max(0, static_cast<int>(damage.min_x));
  const int x1 =
      whole ? framebuffer_width : std::min(framebuffer_width, static_cast<int>(damage.max_x));
  const int y0 = whole ? 0 : std::max(0, static_cast<int>(damage.min_y));
  const int y1 =
      whole ? framebuffer_height : std::min(framebuffer_height, static_cast<int>(damage.max_y));
  if (x1 <= x0 || y1 <= y0) {
    // Nothing of the damage is on the framebuffer; keep the tracker from taking this frame
    // as drawn.
    tracker_.invalidate();
    return;
  }
  copy_x_ = x0;
  copy_y_ = framebuffer_height - y1;
  copy_width_ = x1 - x0;
  copy_height_ = y1 - y0;
  if (!whole) clip_draw_data(frame, damage);
  glEnable(GL_SCISSOR_TEST);
  glScissor(copy_x_, copy_y_, copy_width_, copy_height_);
  clear_to_page_colour();
  glDisable(GL_SCISSOR_TEST);
  ImGui_ImplOpenGL3_RenderDrawData(&frame);
  pixels_redrawn_ += static_cast<double>(copy_width_) * copy_height_;
}

void FramePresenter::show() {
  if (!partial()) {
    glfwSwapBuffers(window_);
    return;
  }
  if (copy_width_ <= 0) return;  // the window shows this frame already
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): a GLX entry point by name
  reinterpret_cast<CopySubBufferMESA>(copy_sub_buffer_)(
      glXGetCurrentDisplay(), glXGetCurrentDrawable(), copy_x_, copy_y_, copy_width_, copy_height_);
}

}  // namespace werkstroom::viz
