#include "scenario/schema.hpp"

#include <algorithm>
#include <cctype>

#include "model/parameters.hpp"
#include "scenario/parameter_visitor.hpp"

namespace werkstroom::scenario::detail {

namespace {

/// Records each table's keys; an array of tables is entered through one scratch element.
class SchemaCollector final : public ParameterVisitor {
 public:
  std::map<std::string, std::vector<std::string>> keys{{"", {}}};

  void number(const std::string& key, double&, const char*, Range) override { add(key); }
  void integer(const std::string& key, int&, const char*, Range) override { add(key); }
  void boolean(const std::string& key, bool&) override { add(key); }
  void text(const std::string& key, std::string&) override { add(key); }
  void date(const std::string& key, kernel::Date&) override { add(key); }
  void number_list(const std::string& key, std::vector<double>&, const char*, Range) override {
    add(key);
  }
  void date_list(const std::string& key, std::vector<kernel::Date>&) override { add(key); }
  void choice(const std::string& key, int&, const std::vector<std::string>&) override { add(key); }
  void table(const std::string& key, const std::function<void()>& body) override {
    add(key);
    enter(join_path(current_, key), body);
  }
  void table_array(const std::string& key, std::size_t /*count*/,
                   const std::function<void(std::size_t)>& resize,
                   const std::function<void(std::size_t)>& element) override {
    add(key);
    resize(1);
    enter(join_path(current_, key) + "[]", [&] { element(0); });
  }

 private:
  std::string current_;

  void add(const std::string& key) { keys[current_].push_back(key); }
  void enter(const std::string& path, const std::function<void()>& body) {
    const std::string saved = current_;
    current_ = path;
    keys[current_];  // a table without keys still exists
    body();
    current_ = saved;
  }
};

}  // namespace

const std::map<std::string, std::vector<std::string>>& schema_keys() {
  static const std::map<std::string, std::vector<std::string>> keys = [] {
    SchemaCollector collector;
    model::ModelParameters scratch;
    bind_parameters(collector, scratch);
    return collector.keys;
  }();
  return keys;
}

std::string schema_path(const std::string& path) {
  std::string out;
  out.reserve(path.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    out += path[i];
    if (path[i] == '[') {
      while (i + 1 < path.size() && std::isdigit(static_cast<unsigned char>(path[i + 1])) != 0) {
        ++i;
      }
    }
  }
  return out;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> suggest(const std::string& word,
                                   const std::vector<std::string>& candidates) {
  constexpr std::size_t kMaxDistance = 3;
  std::optional<std::string> best;
  std::size_t best_distance = kMaxDistance + 1;
  for (const std::string& candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

std::string unknown_key_expectation(const std::string& word,
                                    const std::vector<std::string>& candidates) {
  if (const auto best = suggest(word, candidates)) {
    return "a known key (did you mean '" + *best + "'?)";
  }
  std::string text = "one of the keys ";
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (i > 0) text += ", ";
    text += candidates[i];
  }
  return text;
}

}  // namespace werkstroom::scenario::detail
