#include "core/settings.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "io/output_file.hpp"

namespace werkstroom::viz {

std::filesystem::path settings_path() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg != nullptr && *xdg != '\0') return std::filesystem::path(xdg) / "werkstroom" / "viz.ini";
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') {
    return std::filesystem::path(home) / ".config" / "werkstroom" / "viz.ini";
  }
  return {};
}

Settings load_settings(const std::filesystem::path& path) {
  Settings s;
  if (path.empty()) return s;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#' || line[0] == ';' || line[0] == '[') continue;
    const std::size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = line.substr(0, eq);
    const std::string value = line.substr(eq + 1);
    if (key == "file" && !value.empty()) {
      s.last_files.push_back(value);
    } else if (key == "language") {
      try {
        s.language = experiment::parse_language(value);
      } catch (const std::invalid_argument&) {
        // skipped
      }
    } else if (key == "replications") {
      char* end = nullptr;
      const long n = std::strtol(value.c_str(), &end, 10);
      if (end != value.c_str() && *end == '\0' && n >= 1 && n <= 100000) {
        s.replications = static_cast<int>(n);
      }
    }
  }
  return s;
}

bool save_settings(const std::filesystem::path& path, const Settings& settings) {
  if (path.empty()) return false;
  std::ostringstream out;
  out << "# werkstroom-viz settings\n[viewer]\n";
  if (settings.language) {
    out << "language=" << (*settings.language == experiment::Language::nl ? "nl" : "en") << "\n";
  }
  if (settings.replications) out << "replications=" << *settings.replications << "\n";
  for (const std::string& f : settings.last_files) out << "file=" << f << "\n";
  try {
    io::write_file_atomically(path, out.str(), "viewer settings");
  } catch (const std::exception&) {
    return false;  // settings are a convenience: the viewer goes on without them
  }
  return true;
}

}  // namespace werkstroom::viz
