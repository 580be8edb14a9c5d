#include "app/screenshot.hpp"

#include <GL/gl.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "io/output_file.hpp"

namespace werkstroom::viz {

std::vector<unsigned char> read_framebuffer_rgb(int x, int y, int width, int height,
                                                int framebuffer_height) {
  if (width <= 0 || height <= 0) return {};
  const auto row = static_cast<std::size_t>(width) * 3;
  std::vector<unsigned char> pixels(row * static_cast<std::size_t>(height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  // OpenGL counts rows from the bottom.
  glReadPixels(x, framebuffer_height - y - height, width, height, GL_RGB, GL_UNSIGNED_BYTE,
               pixels.data());
  std::vector<unsigned char> flipped(pixels.size());
  for (int r = 0; r < height; ++r) {
    const auto from = static_cast<std::size_t>(height - 1 - r) * row;
    std::copy_n(pixels.begin() + static_cast<std::ptrdiff_t>(from), row,
                flipped.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(r) * row));
  }
  return flipped;
}

bool save_framebuffer_png(const std::filesystem::path& path, int x, int y, int width, int height,
                          int framebuffer_height) {
  if (width <= 0 || height <= 0) return false;
  const auto row = static_cast<std::size_t>(width) * 3;
  const std::vector<unsigned char> flipped =
      read_framebuffer_rgb(x, y, width, height, framebuffer_height);
  // Encoded in memory and written by io::PendingFile, whose write errors are checked
  // (stbi_write_png ignores those of fwrite and fclose: a full disk gave a truncated PNG).
  std::string png;
  const auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                               static_cast<std::size_t>(size));
  };
  if (stbi_write_png_to_func(append, &png, width, height, 3, flipped.data(),
                             static_cast<int>(row)) == 0) {
    return false;
  }
  try {
    io::write_file_atomically(path, png, "screenshot");
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

}  // namespace werkstroom::viz
