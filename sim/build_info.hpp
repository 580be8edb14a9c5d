#pragma once
// The program's version and the source revision it was built from ("<hash>", with
// "-modified" when tracked files had uncommitted changes, or "unknown" outside git).
// Stamped into every results file. Defined in a file generated at each build.

namespace werkstroom {
const char* version();
const char* revision();
}  // namespace werkstroom
