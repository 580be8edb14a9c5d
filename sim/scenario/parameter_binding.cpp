#include <string>
#include <vector>

#include "scenario/parameter_visitor.hpp"

namespace werkstroom::scenario {

namespace {

using model::ModelParameters;

template <typename Enum, std::size_t N>
void bind_enum(ParameterVisitor& v, const std::string& key, Enum& field,
               const std::array<const char*, N>& names) {
  const std::vector<std::string> list(names.begin(), names.end());
  int index = static_cast<int>(field);
  v.choice(key, index, list);
  field = static_cast<Enum>(index);
}

void bind_hazard(ParameterVisitor& v, const std::string& key, model::Hazard& h) {
  v.table(key, [&] {
    v.number("rate_per_month", h.rate_per_month, "1/month", kRatePerMonth);
    v.number("decline_per_month", h.decline_per_month, "1/month", kDeclinePerMonth);
  });
}

void bind_attributes(ParameterVisitor& v, model::AttributeParameters& a) {
  v.table("attributes", [&] {
    v.number_list("sector_weights", a.sector_weights, "weight", kWeights);
    v.number("low_education_share", a.low_education_share, "share", kShare);
    v.number("flex_contract_share", a.flex_contract_share, "share", kShare);
    v.number("age_mean_years", a.age_mean_years, "years", {15.0, 67.0});
    v.number("age_sd_years", a.age_sd_years, "years", {0.0, 30.0});
    v.number("language_below_b2_share", a.language_below_b2_share, "share", kShare);
    v.number("years_in_last_job_mean", a.years_in_last_job_mean, "years", kYears);
    v.number("high_need_share", a.high_need_share, "share", kShare);
    v.number("last_wage_mean_eur", a.last_wage_mean_eur, "EUR/month", {1.0, kEurPerMonth.max});
    v.number("last_wage_sd_eur", a.last_wage_sd_eur, "EUR/month", kEurPerMonth);
    v.number("work_history_years_mean", a.work_history_years_mean, "years", kYears);
  });
}

void bind_cohort(ParameterVisitor& v, model::CohortParameters& c) {
  v.boolean("enabled", c.enabled);
  v.number_list("inflow_per_month", c.inflow_per_month, "people/month", kPeoplePerMonth);
  v.number("initial_stock", c.initial_stock, "people", kPeople);
  v.number("initial_elapsed_months_mean", c.initial_elapsed_months_mean, "months", kMonths);
  bind_enum(v, "start_state", c.start_state, model::kStartStateNames);
  bind_enum(v, "first_party", c.first_party, model::kFirstPartyNames);
  v.number("referral_share", c.referral_share, "share", kShare);
  v.number("job_loss_factor", c.job_loss_factor, "multiplier", kMultiplier);
  v.boolean("inflow_includes_repeats", c.inflow_includes_repeats);
  bind_attributes(v, c.attributes);
}

void bind_instrument(ParameterVisitor& v, model::InstrumentParameters& i) {
  v.text("name", i.name);
  bind_enum(v, "type", i.type, model::kInterventionTypeNames);
  v.number("staff_hours", i.staff_hours, "hours", {0.0, 1000.0});
  v.integer("sessions", i.sessions, "sessions", {1, 1000});
  v.number("cost_eur", i.cost_eur, "EUR", kEurPerPerson);
  v.number("budget_cap_eur", i.budget_cap_eur, "EUR", kBudgetEur);
  v.text("budget_stream", i.budget_stream);
  v.number("duration_weeks", i.duration_weeks, "weeks", kWeeks);
  v.integer("seats", i.seats, "places", {0, 100000});
  v.number("completion_probability", i.completion_probability, "probability", kShare);
  v.number("effect_during", i.effect_during, "hazard multiplier", kMultiplier);
  v.number("effect_after", i.effect_after, "hazard multiplier", kMultiplier);
  v.number("effect_after_months", i.effect_after_months, "months", kMonths);
  v.number("min_score", i.min_score, "score", kPoints);
  v.boolean("hard_hit_sector_only", i.hard_hit_sector_only);
  v.boolean("threatened_only", i.threatened_only);
  v.boolean("language_below_b2_only", i.language_below_b2_only);
  v.number("assign_probability", i.assign_probability, "probability", kShare);
}

}  // namespace

void bind_parameters(ParameterVisitor& v, ModelParameters& p) {
  v.text("region", p.region);
  v.boolean("service_enabled", p.service_enabled);

  v.table("horizon", [&] {
    v.date("start_date", p.horizon.start_date);
    v.date("service_end_date", p.horizon.service_end_date);
    v.integer("follow_up_months", p.horizon.follow_up_months, "months", {0, 120});
    v.date_list("holidays", p.horizon.holidays);
  });

  v.table_array(
      "sectors", p.sectors.size(), [&](std::size_t n) { p.sectors.resize(n); },
      [&](std::size_t i) {
        model::SectorParameters& s = p.sectors[i];
        v.text("name", s.name);
        v.number("employment_share", s.employment_share, "share", kShare);
        v.boolean("hard_hit", s.hard_hit);
        v.number("surplus_share", s.surplus_share, "share", kShare);
        v.number("shortage_share", s.shortage_share, "share", kShare);
        v.number("surplus_share_end", s.surplus_share_end, "share", kShare);
        v.number("shortage_share_end", s.shortage_share_end, "share", kShare);
      });

  v.table("employers", [&] {
    v.integer("employers", p.employers.employers, "firms", {0, 500000});
    v.integer("zzp", p.employers.zzp, "self-employed", {0, 500000});
    v.number("mean_staff_per_employer", p.employers.mean_staff_per_employer, "people",
             {1.0, 10000.0});
    v.number("state_persistence_per_month", p.employers.state_persistence_per_month, "probability",
             kShare);
  });

  v.table("hazards", [&] {
    model::HazardParameters& h = p.hazards;
    bind_hazard(v, "threatened_job_loss", h.threatened_job_loss);
    bind_hazard(v, "threatened_find_job", h.threatened_find_job);
    bind_hazard(v, "threatened_threat_passes", h.threatened_threat_passes);
    bind_hazard(v, "ww_find_work", h.ww_find_work);
    bind_hazard(v, "ww_other_exit", h.ww_other_exit);
    bind_hazard(v, "pw_find_work", h.pw_find_work);
    bind_hazard(v, "nug_find_work", h.nug_find_work);
    bind_hazard(v, "tozo_recover", h.tozo_recover);
    bind_hazard(v, "tozo_seek_job", h.tozo_seek_job);
    bind_hazard(v, "tozo_to_pw", h.tozo_to_pw);
    bind_hazard(v, "pw_other_exit", h.pw_other_exit);
    bind_hazard(v, "job_end_flex", h.job_end_flex);
    bind_hazard(v, "job_end_permanent", h.job_end_permanent);
    v.number("new_job_flex_share", h.new_job_flex_share, "share", kShare);
    v.number("ww_exhaustion_to_pw_share", h.ww_exhaustion_to_pw_share, "share", kShare);
    v.number("job_loss_without_ww_to_pw_share", h.job_loss_without_ww_to_pw_share, "share", kShare);
    v.number("distance_effect", h.distance_effect, "per unit distance", {0.0, 100.0});
    v.number_list("find_work_factor_by_month", h.find_work_factor_by_month, "multiplier",
                  kMultiplier);
    v.number_list("job_loss_factor_by_month", h.job_loss_factor_by_month, "multiplier",
                  kMultiplier);
  });

  v.table("economy", [&] {
    model::EconomyParameters& e = p.economy;
    v.number_list("unemployment_rate_pct", e.unemployment_rate_pct, "%", {0.1, 50.0});
    v.number("reference_unemployment_rate_pct", e.reference_unemployment_rate_pct, "%",
             {0.1, 50.0});
    v.number_list("vacancies_per_unemployed", e.vacancies_per_unemployed,
                  "vacancies per unemployed person", {0.01, 20.0});
    v.number("reference_vacancies_per_unemployed", e.reference_vacancies_per_unemployed,
             "vacancies per unemployed person", {0.01, 20.0});
    v.integer("observed_months", e.observed_months, "months", {0, 1200});
    v.number("find_work_elasticity", e.find_work_elasticity, "elasticity", {-10.0, 10.0});
    v.number("job_loss_elasticity", e.job_loss_elasticity, "elasticity", {-10.0, 10.0});
    v.number("inflow_elasticity", e.inflow_elasticity, "elasticity", {-10.0, 10.0});
    v.number("take_up_elasticity", e.take_up_elasticity, "elasticity", {-10.0, 10.0});
    v.number("surplus_elasticity", e.surplus_elasticity, "elasticity", {-10.0, 10.0});
    v.number("shortage_elasticity", e.shortage_elasticity, "elasticity", {-10.0, 10.0});
    v.number("find_work_tightness_elasticity", e.find_work_tightness_elasticity, "elasticity",
             {-10.0, 10.0});
    v.number("shortage_tightness_elasticity", e.shortage_tightness_elasticity, "elasticity",
             {-10.0, 10.0});
  });

  v.table("parties", [&] {
    for (std::size_t i = 0; i < model::kFirstPartyCount; ++i) {
      v.table(model::kFirstPartyNames[i], [&] {
        v.number("referral_factor", p.parties[i].referral_factor, "multiplier", {0.0, 100.0});
      });
    }
  });

  v.table("cohorts", [&] {
    for (std::size_t c = 0; c < model::kCohortCount; ++c) {
      v.table(model::kCohortNames[c], [&] { bind_cohort(v, p.cohorts[c]); });
    }
  });

  v.table("distance", [&] {
    model::DistanceParameters& d = p.distance;
    v.number("intercept", d.intercept, "distance", kPoints);
    v.number("low_education", d.low_education, "distance", kPoints);
    v.number("hard_hit_sector", d.hard_hit_sector, "distance", kPoints);
    v.number("one_sided_history", d.one_sided_history, "distance", kPoints);
    v.number("language_below_b2", d.language_below_b2, "distance", kPoints);
    v.number("age_outside_27_55", d.age_outside_27_55, "distance", kPoints);
    v.number("banenafspraak", d.banenafspraak, "distance", kPoints);
    v.number("noise_sd", d.noise_sd, "distance", kNonNegativePoints);
    v.number("one_sided_history_years", d.one_sided_history_years, "years", kYears);
    v.number("age_band_low_years", d.age_band_low_years, "years", {16.0, 67.0});
    v.number("age_band_high_years", d.age_band_high_years, "years", {16.0, 67.0});
  });

  v.table("selection", [&] {
    model::SelectionParameters& s = p.selection;
    v.number("weight_high_need", s.weight_high_need, "points", kPoints);
    v.number("weight_hard_hit_sector", s.weight_hard_hit_sector, "points", kPoints);
    v.number("weight_low_education", s.weight_low_education, "points", kPoints);
    v.number("weight_low_education_and_flex", s.weight_low_education_and_flex, "points", kPoints);
    v.number("weight_one_sided_history", s.weight_one_sided_history, "points", kPoints);
    v.number("weight_language_below_b2", s.weight_language_below_b2, "points", kPoints);
    v.number("weight_age_outside_27_55", s.weight_age_outside_27_55, "points", kPoints);
    v.number("observation_noise_sd", s.observation_noise_sd, "points", kNonNegativePoints);
    v.number("threshold", s.threshold, "points", kPoints);
    v.number("regular_service_effect", s.regular_service_effect, "hazard multiplier", kMultiplier);
    v.number("regular_service_months", s.regular_service_months, "months", kMonths);
  });

  v.table("time_norms", [&] {
    model::TimeNormParameters& t = p.time_norms;
    v.number("outreach_call_hours", t.outreach_call_hours, "hours", kActivityHours);
    v.number("conversation_hours", t.conversation_hours, "hours", kActivityHours);
    v.number("visit_hours", t.visit_hours, "hours", kActivityHours);
    v.number("advice_hours", t.advice_hours, "hours", kActivityHours);
    v.number("intake_hours", t.intake_hours, "hours", kActivityHours);
    v.number("diagnosis_hours", t.diagnosis_hours, "hours", kActivityHours);
    v.number("plan_hours", t.plan_hours, "hours", kActivityHours);
    v.number("matching_hours", t.matching_hours, "hours", kActivityHours);
    v.number("follow_up_hours", t.follow_up_hours, "hours", kActivityHours);
    v.number("follow_up_interval_days", t.follow_up_interval_days, "days", {1.0, 365.0});
    v.number("admin_share", t.admin_share, "share", {0.0, 0.9});
    v.boolean("exponential_durations", t.exponential_durations);
  });

  v.table("priorities", [&] {
    model::PriorityParameters& q = p.priorities;
    const Range levels{0, 9};
    v.integer("intake", q.intake, "level", levels);
    v.integer("diagnosis", q.diagnosis, "level", levels);
    v.integer("plan", q.plan, "level", levels);
    v.integer("coaching", q.coaching, "level", levels);
    v.integer("matching", q.matching, "level", levels);
    v.integer("follow_up", q.follow_up, "level", levels);
    v.integer("employer_contact", q.employer_contact, "level", levels);
  });

  v.table("staff", [&] {
    model::StaffParameters& s = p.staff;
    v.integer("advisors", s.advisors, "advisors", kAdvisors);
    v.number("hours_per_week", s.hours_per_week, "hours/week", {1.0, 60.0});
    v.integer("working_days_per_week", s.working_days_per_week, "days", {1, 7});
    v.number("day_start_hour", s.day_start_hour, "hour", {0.0, 23.0});
    v.number("internal_cost_per_hour_eur", s.internal_cost_per_hour_eur, "EUR/hour", kEurPerHour);
    v.number("intake_patience_mean_days", s.intake_patience_mean_days, "days", kDays);
    v.boolean("round_the_clock", s.round_the_clock);
    v.table_array(
        "schedule", s.schedule.size(), [&](std::size_t n) { s.schedule.resize(n); },
        [&](std::size_t i) {
          v.date("date", s.schedule[i].date);
          v.integer("advisors", s.schedule[i].advisors, "advisors", kAdvisors);
        });
  });

  v.table("outreach", [&] {
    model::OutreachParameters& o = p.outreach;
    v.number("calls_per_week", o.calls_per_week, "calls/week", kVolume);
    v.number("spoken_share", o.spoken_share, "share", kShare);
    v.number("visited_share", o.visited_share, "share", kShare);
    v.number("advice_share", o.advice_share, "share", kShare);
    v.number("referrals_per_surplus_visit", o.referrals_per_surplus_visit, "people", {0.0, 1000.0});
    v.number("vacancies_per_shortage_visit", o.vacancies_per_shortage_visit, "vacancies",
             {0.0, 1000.0});
    v.number("inbound_requests_per_month", o.inbound_requests_per_month, "requests/month", kVolume);
    v.number("awareness_start", o.awareness_start, "share", kShare);
    v.number("awareness_gain_per_month", o.awareness_gain_per_month, "share/month", kShare);
    v.number("vacancy_lifetime_days", o.vacancy_lifetime_days, "days", kDays);
    v.number("regular_client_fill_share", o.regular_client_fill_share, "share", kShare);
    v.number("regular_client_ww_share", o.regular_client_ww_share, "share", kShare);
    v.integer("pool_draws", o.pool_draws, "draws", {1, 1000});
  });

  v.table("additionality", [&] {
    model::AdditionalityParameters& a = p.additionality;
    v.number("vacancy_displacement_share", a.vacancy_displacement_share, "share", kShare);
    v.number("secondment_substitution_share", a.secondment_substitution_share, "share", kShare);
    v.number("deadweight_window_months", a.deadweight_window_months, "months", {0.0, 60.0});
  });

  v.table("uncertainty", [&] {
    model::UncertaintyParameters& u = p.uncertainty;
    v.number("economy_sd_log_per_month", u.economy_sd_log_per_month, "log points/month",
             {0.0, 1.0});
    v.number("economy_persistence", u.economy_persistence, "per month", kShare);
    v.number("economy_tightness_coupling", u.economy_tightness_coupling, "log points per log point",
             {-10.0, 10.0});
    v.text("posterior", u.posterior);
    v.table_array(
        "parameters", u.parameters.size(), [&](std::size_t n) { u.parameters.resize(n); },
        [&](std::size_t i) {
          model::UncertainParameter& d = u.parameters[i];
          v.text("key", d.key);
          v.choice("mode", d.mode, model::kUncertainModeNames);
          v.choice("distribution", d.distribution, model::kUncertainDistributionNames);
          // Checked against the drawn parameter's own bounds (validation); these only keep
          // them finite.
          v.number("lower", d.lower, "", kDrawBound);
          v.number("upper", d.upper, "", kDrawBound);
        });
  });

  v.table_array(
      "instruments", p.instruments.size(), [&](std::size_t n) { p.instruments.resize(n); },
      [&](std::size_t i) { bind_instrument(v, p.instruments[i]); });

  v.table("budget", [&] {
    model::BudgetParameters& b = p.budget;
    v.number("centre_budget_eur", b.centre_budget_eur, "EUR", kBudgetEur);
    v.number("instrument_budget_eur", b.instrument_budget_eur, "EUR", kBudgetEur);
    v.number("maatwerk_cap_per_person_eur", b.maatwerk_cap_per_person_eur, "EUR", kEurPerPerson);
    v.boolean("wait_when_exhausted", b.wait_when_exhausted);
  });

  v.table("targets", [&] {
    v.number("max_wait_p90_working_days", p.targets.max_wait_p90_working_days, "working days",
             {0.0, 1000.0});
    std::vector<model::ReferenceTarget>& r = p.targets.references;
    v.table_array(
        "references", r.size(), [&](std::size_t n) { r.resize(n); },
        [&](std::size_t i) {
          v.text("figure", r[i].figure);
          // A key figure in its own unit: euros of a national sum can pass EUR 1e9.
          v.number("value", r[i].value, "the figure's unit", {-1e12, 1e12});
          v.text("label", r[i].label);
        });
  });

  v.table("scaling", [&] {
    model::ScalingParameters& s = p.scaling;
    v.boolean("enabled", s.enabled);
    v.number("trigger_waiting_list", s.trigger_waiting_list, "people", kPeople);
    v.integer("trigger_weeks", s.trigger_weeks, "weeks", {1, 52});
    v.number("lead_time_weeks", s.lead_time_weeks, "weeks", {0.0, 52.0});
    v.number("external_cost_per_hour_eur", s.external_cost_per_hour_eur, "EUR/hour", kEurPerHour);
    v.number("external_hours_per_week", s.external_hours_per_week, "hours/week", {1.0, 60.0});
    v.integer("max_external_advisors", s.max_external_advisors, "advisors", {0, 100});
    v.number("scale_down_utilisation", s.scale_down_utilisation, "share", kShare);
    v.integer("review_interval_months", p.scaling.review_interval_months, "months", {1, 24});
  });

  v.table("shocks", [&] {
    model::ShockParameters& s = p.shocks;
    v.table_array(
        "bankruptcies", s.bankruptcies.size(), [&](std::size_t n) { s.bankruptcies.resize(n); },
        [&](std::size_t i) {
          v.date("date", s.bankruptcies[i].date);
          v.integer("staff", s.bankruptcies[i].staff, "people", {1, kBankruptcyStaff});
          v.text("sector", s.bankruptcies[i].sector);
          v.number("notice_days", s.bankruptcies[i].notice_days, "days", kDays);
          v.boolean("calls_the_centre", s.bankruptcies[i].calls_the_centre);
        });
    v.boolean("now_end_enabled", s.now_end_enabled);
    v.date("now_end_date", s.now_end_date);
    v.number("now_end_extra_threatened", s.now_end_extra_threatened, "people", kPeople);
    v.number("now_end_job_loss_factor", s.now_end_job_loss_factor, "multiplier", kMultiplier);
    v.boolean("campaign_enabled", s.campaign_enabled);
    v.date("campaign_date", s.campaign_date);
    v.number("campaign_awareness_boost", s.campaign_awareness_boost, "share", kShare);
  });

  v.table("secondment", [&] {
    v.number("takeover_after_secondment_share", p.secondment.takeover_after_secondment_share,
             "share", kShare);
  });

  v.table("benefits", [&] {
    model::BenefitParameters& b = p.benefits;
    v.number("ww_replacement_first_months", b.ww_replacement_first_months, "share", kShare);
    v.integer("ww_first_months", b.ww_first_months, "months", {0, 24});
    v.number("ww_replacement_after", b.ww_replacement_after, "share", kShare);
    v.number("ww_max_monthly_wage_eur", b.ww_max_monthly_wage_eur, "EUR/month", kEurPerMonth);
    v.number("pw_monthly_cost_eur", b.pw_monthly_cost_eur, "EUR/month", kEurPerMonth);
    // An entitlement may be longer than any horizon: "never runs out" (verification
    // scenarios say 200 months); a working life at most.
    v.number("ww_entitlement_base_months", b.ww_entitlement_base_months, "months",
             kEntitlementMonths);
    v.number("ww_entitlement_months_per_work_year", b.ww_entitlement_months_per_work_year,
             "months/year", {0.0, 12.0});
    v.number("ww_entitlement_max_months", b.ww_entitlement_max_months, "months",
             kEntitlementMonths);
    v.number("ww_min_work_history_years", b.ww_min_work_history_years, "years", kYears);
    v.number("working_age_min_years", b.working_age_min_years, "years", {14.0, 30.0});
    v.number("working_age_max_years", b.working_age_max_years, "years", {50.0, 75.0});
  });
}

}  // namespace werkstroom::scenario
