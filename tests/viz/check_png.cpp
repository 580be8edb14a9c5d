// Checks a screenshot: it decodes, has the expected size, and the chart region is not one
// flat colour. Usage: werkstroom_viz_check_png FILE WIDTH HEIGHT
// Exit 0 when all holds, 1 otherwise (with the reason on stderr).

#include <stb/stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <set>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fputs("usage: werkstroom_viz_check_png FILE WIDTH HEIGHT\n", stderr);
    return 2;
  }
  const int want_w = std::atoi(argv[2]);
  const int want_h = std::atoi(argv[3]);
  int w = 0;
  int h = 0;
  int channels = 0;
  unsigned char* pixels = stbi_load(argv[1], &w, &h, &channels, 3);
  if (pixels == nullptr) {
    std::fprintf(stderr, "%s: cannot decode as an image\n", argv[1]);
    return 1;
  }
  int status = 0;
  if (w != want_w || h != want_h) {
    std::fprintf(stderr, "%s: size %d x %d, expected %d x %d\n", argv[1], w, h, want_w, want_h);
    status = 1;
  }
  // The chart region: right of the sidebar, below the tabs, above the table.
  const int x0 = w * 30 / 100;
  const int x1 = w * 98 / 100;
  const int y0 = h * 8 / 100;
  const int y1 = h * 60 / 100;
  std::set<unsigned> colours;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const unsigned char* p = pixels + (static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                                         static_cast<std::size_t>(x)) *
                                            3;
      colours.insert((static_cast<unsigned>(p[0]) << 16U) | (static_cast<unsigned>(p[1]) << 8U) |
                     p[2]);
    }
  }
  if (colours.size() < 16) {
    std::fprintf(stderr, "%s: the chart region has only %zu colours\n", argv[1], colours.size());
    status = 1;
  }
  stbi_image_free(pixels);
  if (status == 0) {
    std::printf("%s: %d x %d, %zu colours in the chart region\n", argv[1], w, h, colours.size());
  }
  return status;
}
