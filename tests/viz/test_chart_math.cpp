// The chart arithmetic: nice 1-2-5 ticks, value <-> pixel mapping, hovered month, labels.

#include <catch2/catch.hpp>

#include "charts/chart_math.hpp"

using namespace werkstroom::viz::charts;
using werkstroom::experiment::Language;

TEST_CASE("nice steps are 1 2 or 5 times a power of ten", "[viz]") {
  CHECK(nice_step(10.0, 5) == Approx(2.0));
  CHECK(nice_step(100.0, 5) == Approx(20.0));
  CHECK(nice_step(7.3, 5) == Approx(2.0));
  CHECK(nice_step(1.0, 4) == Approx(0.5));
  CHECK(nice_step(0.9, 5) == Approx(0.2));
  CHECK(nice_step(560000.0, 5) == Approx(200000.0));
  CHECK(nice_step(3.0, 10) == Approx(0.5));
}

TEST_CASE("nice ranges cover the data and end on ticks", "[viz]") {
  const AxisRange r = nice_range(3.2, 87.0, 5, true);
  CHECK(r.lo == 0.0);
  CHECK(r.hi == Approx(100.0));
  const std::vector<double> t = ticks(r, nice_step(r.hi - r.lo, 5));
  CHECK(t == std::vector<double>{0.0, 20.0, 40.0, 60.0, 80.0, 100.0});

  // At most 6 intervals: step 200 fits; at most 5: it would need 6, so the step becomes 500.
  const AxisRange w = nice_range(3510.0, 4590.0, 6, false);
  CHECK(w.lo == Approx(3400.0));
  CHECK(w.hi == Approx(4600.0));
  const AxisRange w5 = nice_range(3510.0, 4590.0, 5, false);
  CHECK(w5.lo == Approx(3500.0));
  CHECK(w5.hi == Approx(5000.0));

  const AxisRange flat = nice_range(0.0, 0.0, 5, true);
  CHECK(flat.lo == 0.0);
  CHECK(flat.hi == 1.0);
  const AxisRange flat5 = nice_range(5.0, 5.0, 5, false);
  CHECK(flat5.lo < 5.0);
  CHECK(flat5.hi > 5.0);
  const AxisRange negative = nice_range(-7.0, 3.0, 5, true);
  CHECK(negative.lo == Approx(-10.0));
  CHECK(negative.hi == Approx(5.0));
  const AxisRange negative6 = nice_range(-7.0, 3.0, 6, true);
  CHECK(negative6.lo == Approx(-8.0));
  CHECK(negative6.hi == Approx(4.0));
}

TEST_CASE("ticks have no rounding noise and include zero exactly", "[viz]") {
  const std::vector<double> t = ticks({-0.3, 0.3}, 0.1);
  REQUIRE(t.size() == 7);
  CHECK(t[3] == 0.0);
  CHECK(t[1] == Approx(-0.2));
  CHECK(ticks({0.0, 1.0}, 0.0).empty());
}

TEST_CASE("tick labels use k and mln with the decimals the step needs", "[viz]") {
  CHECK(format_tick(200000.0, 100000.0, Language::en) == "200k");
  CHECK(format_tick(1500.0, 500.0, Language::en) == "1500");
  CHECK(format_tick(15000.0, 500.0, Language::en) == "15.0k");
  CHECK(format_tick(15000.0, 500.0, Language::nl) == "15,0k");
  CHECK(format_tick(2000000.0, 500000.0, Language::en) == "2.0M");
  CHECK(format_tick(2000000.0, 500000.0, Language::nl) == "2,0 mln");
  CHECK(format_tick(0.25, 0.05, Language::en) == "0.25");
  CHECK(format_tick(0.4, 0.2, Language::nl) == "0,4");
  CHECK(format_tick(-0.0, 0.2, Language::en) == "0.0");
}

TEST_CASE("values get thousands separators per language", "[viz]") {
  CHECK(format_value(542161.4, Language::nl) == "542.161");
  CHECK(format_value(542161.4, Language::en) == "542,161");
  CHECK(format_value(-37515.0, Language::en) == "-37,515");
  CHECK(format_value(75.43, Language::en) == "75.4");
  CHECK(format_value(9.4, Language::nl) == "9,40");
  CHECK(format_value(999.0, Language::en) == "999");
}

TEST_CASE("values map linearly onto pixels and back", "[viz]") {
  const AxisRange r{0.0, 100.0};
  CHECK(to_pixel(0.0, r, 500.0F, 100.0F) == Approx(500.0F));
  CHECK(to_pixel(100.0, r, 500.0F, 100.0F) == Approx(100.0F));
  CHECK(to_pixel(25.0, r, 500.0F, 100.0F) == Approx(400.0F));
  CHECK(from_pixel(400.0F, r, 500.0F, 100.0F) == Approx(25.0));
  CHECK(to_pixel(5.0, {5.0, 5.0}, 0.0F, 10.0F) == Approx(5.0F));
  CHECK(month_x(0, 24, 100.0F, 330.0F) == Approx(100.0F));
  CHECK(month_x(23, 24, 100.0F, 330.0F) == Approx(330.0F));
  CHECK(month_x(0, 1, 100.0F, 300.0F) == Approx(200.0F));
}

TEST_CASE("the hovered month is the nearest one inside the plot", "[viz]") {
  CHECK(hover_index(100.0F, 100.0F, 330.0F, 24) == std::optional<std::size_t>(0));
  CHECK(hover_index(330.0F, 100.0F, 330.0F, 24) == std::optional<std::size_t>(23));
  CHECK(hover_index(104.0F, 100.0F, 330.0F, 24) == std::optional<std::size_t>(0));
  CHECK(hover_index(106.0F, 100.0F, 330.0F, 24) == std::optional<std::size_t>(1));
  CHECK_FALSE(hover_index(99.0F, 100.0F, 330.0F, 24).has_value());
  CHECK_FALSE(hover_index(331.0F, 100.0F, 330.0F, 24).has_value());
  CHECK_FALSE(hover_index(200.0F, 100.0F, 330.0F, 0).has_value());
  CHECK(hover_index(200.0F, 100.0F, 330.0F, 1) == std::optional<std::size_t>(0));
}

TEST_CASE("month labels and the herijking markers", "[viz]") {
  CHECK(month_label("2020-11", Language::nl) == "nov '20");
  CHECK(month_label("2021-03", Language::nl) == "mrt '21");
  CHECK(month_label("2021-05", Language::en) == "May '21");
  CHECK(month_label("3 fte", Language::en) == "3 fte");
  CHECK(month_label("2021-13", Language::en) == "2021-13");
  CHECK(herijking_months(12, 24) == std::vector<std::size_t>{3, 6, 9});
  CHECK(herijking_months(13, 24) == std::vector<std::size_t>{3, 6, 9, 12});
  CHECK(herijking_months(12, 5) == std::vector<std::size_t>{3});
  CHECK(label_stride(24, 2300.0F, 50.0F) == 1);
  CHECK(label_stride(24, 300.0F, 50.0F) == 6);
  CHECK(label_stride(24, 600.0F, 50.0F) == 2);  // 26 px apart: every other one
  CHECK(label_stride(24, 400.0F, 50.0F) == 3);
}
