#pragma once
// Saving the OpenGL framebuffer (or a part of it) as PNG, with stb_image_write from Debian's
// compiled libstb.

#include <filesystem>
#include <vector>

namespace werkstroom::viz {

/// The RGB pixels of the rectangle [x, x + width) x [y, y + height) of the back buffer (y from
/// the top of the framebuffer), row by row from the top; empty for an empty rectangle.
[[nodiscard]] std::vector<unsigned char> read_framebuffer_rgb(int x, int y, int width, int height,
                                                              int framebuffer_height);

/// Reads the rectangle [x, x + width) x [y, y + height) of the back buffer (y from the top of
/// the framebuffer) and writes it as an RGB PNG at `path` (creating its folder). Returns false
/// when the rectangle is empty or the file cannot be written.
bool save_framebuffer_png(const std::filesystem::path& path, int x, int y, int width, int height,
                          int framebuffer_height);

}  // namespace werkstroom::viz
