#pragma once
// Every number the labour-market model uses. Plain values, filled by the scenario loader
// (sim/scenario) from a TOML file in which each default carries its source label; the model
// code holds no policy constants of its own. Field names equal the TOML key names, with units
// in the names (_per_month, _eur, _hours, _days, _weeks, _months, _share).
//
// Conventions: rates are per month of 30.4375 days unless the name says otherwise; shares are
// in [0, 1]; monthly profiles are indexed by month since the start month and their last value
// repeats beyond their end.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kernel/calendar.hpp"

namespace werkstroom::model {

inline constexpr double kDaysPerMonth = 30.4375;  // 365.25 / 12, the calendar's mean month

/// The cohorts of domain.md section 3; the list is the model's structure, their sizes are data.
enum class Cohort : std::uint8_t {
  threatened,            // employees threatened with unemployment, mostly at NOW firms
  temp_contract_ending,  // flex workers whose contract stops
  ww_inflow,             // newly unemployed with WW benefit
  short_ww,              // short WW entitlement, likely to become NUG
  pw_applicant,          // social assistance (bijstand) applicants
  tozo,                  // self-employed on TOZO income support
  youth,                 // school leavers
  banenafspraak,         // work-limited target group: always eligible
};
inline constexpr std::size_t kCohortCount = 8;
inline constexpr std::array<const char*, kCohortCount> kCohortNames = {
    "threatened", "temp_contract_ending", "ww_inflow", "short_ww", "pw_applicant", "tozo",
    "youth",      "banenafspraak"};

enum class FirstParty : std::uint8_t { social_partners, uwv, municipality };
inline constexpr std::size_t kFirstPartyCount = 3;
inline constexpr std::array<const char*, kFirstPartyCount> kFirstPartyNames = {
    "social_partners", "uwv", "municipality"};

/// Where a person of a cohort starts.
enum class StartState : std::uint8_t { threatened, ww, pw, nug, tozo };
inline constexpr std::array<const char*, 5> kStartStateNames = {"threatened", "ww", "pw", "nug",
                                                                "tozo"};

/// The monitor's intervention types (domain.md section 5) plus the menukaart's other kinds.
enum class InterventionType : std::uint8_t {
  coaching,
  training,
  secondment,
  takeover,
  job_search,
  career_advice,
  maatwerk,
  support
};
inline constexpr std::array<const char*, 8> kInterventionTypeNames = {
    "coaching",   "training",      "secondment", "takeover",
    "job_search", "career_advice", "maatwerk",   "support"};

struct HorizonParameters {
  kernel::Date start_date{2020, 11, 1};
  kernel::Date service_end_date{2021, 10, 31};  // last day clients are taken in
  int follow_up_months = 12;
  std::vector<kernel::Date> holidays;
  bool operator==(const HorizonParameters&) const = default;
};

struct SectorParameters {
  std::string name;
  double employment_share = 0.0;   // share of regional jobs
  bool hard_hit = false;           // intake criterion: shrinking sector [S-aanpak]
  double surplus_share = 0.0;      // share of employers with a staff surplus, start
  double shortage_share = 0.0;     // share of employers with a staff shortage, start
  double surplus_share_end = 0.0;  // at the end of the horizon (linear in between)
  double shortage_share_end = 0.0;
  bool operator==(const SectorParameters&) const = default;
};

struct EmployerParameters {
  int employers = 0;                         // firms with staff in the region
  int zzp = 0;                               // self-employed: employers of one
  double mean_staff_per_employer = 0;        // firm size (geometric tail)
  double state_persistence_per_month = 0.0;  // probability a state persists a month
};

/// A hazard rate that may decline with the time spent in the state:
/// h(d) = rate_per_month * exp(-decline_per_month * d), d in months since the spell began.
struct Hazard {
  double rate_per_month = 0.0;
  double decline_per_month = 0.0;
  bool operator==(const Hazard&) const = default;
};

struct HazardParameters {
  Hazard threatened_job_loss;
  Hazard threatened_find_job;
  Hazard threatened_threat_passes;
  Hazard ww_find_work;
  Hazard ww_other_exit;  // illness, retirement, moving away: leaves the labour market
  Hazard pw_find_work;
  Hazard nug_find_work;
  Hazard tozo_recover;
  Hazard tozo_seek_job;  // stops the business and becomes a job seeker (NUG)
  Hazard tozo_to_pw;
  Hazard pw_other_exit;      // partner with income, study, moving away: leaves PW, not for work
  Hazard job_end_flex;       // a job held on a flexible contract ends (employed -> out of work)
  Hazard job_end_permanent;  // the same on a permanent contract
  double new_job_flex_share = 0.0;         // a job found out of work (WW, PW, NUG) is flexible
  double ww_exhaustion_to_pw_share = 0.0;  // at the end of WW entitlement
  double job_loss_without_ww_to_pw_share = 0.0;  // not entitled to WW: PW rather than NUG
  double distance_effect = 0.0;  // find-work hazards scale by exp(-distance_effect * distance)
  std::vector<double> find_work_factor_by_month;  // the economy over calendar time
  std::vector<double> job_loss_factor_by_month;
  bool operator==(const HazardParameters&) const = default;
};

/// How the attributes of a cohort's people are drawn.
struct AttributeParameters {
  std::vector<double> sector_weights;  // over sectors; empty: employment shares
  double low_education_share = 0.0;    // no basic qualification or mbo
  double flex_contract_share = 0.0;
  double age_mean_years = 40.0;
  double age_sd_years = 12.0;
  double language_below_b2_share = 0.0;
  double years_in_last_job_mean = 5.0;
  double high_need_share = 0.0;        // own need and motivation for instruments
  double last_wage_mean_eur = 2800.0;  // monthly
  double last_wage_sd_eur = 900.0;
  double work_history_years_mean = 10.0;  // drives the WW entitlement
  bool operator==(const AttributeParameters&) const = default;
};

struct CohortParameters {
  bool enabled = true;
  std::vector<double> inflow_per_month;      // new people per month (profile)
  double initial_stock = 0.0;                // people present at the start
  double initial_elapsed_months_mean = 0.0;  // time already spent in the start state
  StartState start_state = StartState::ww;
  FirstParty first_party = FirstParty::uwv;
  double referral_share = 0.0;   // share referred to the mobility centre by the first party
  double job_loss_factor = 1.0;  // multiplies the threatened job-loss hazard (temp contracts)
  // The inflow figure is the observed inflow into the start state (WW or PW), which contains
  // people coming back after a job found out of work ended. The model generates those returns
  // of the cohort's own people itself, so as many arrivals are dropped in the month they return.
  bool inflow_includes_repeats = false;
  AttributeParameters attributes;
  bool operator==(const CohortParameters&) const = default;
};

struct DistanceParameters {
  // Latent distance to work = intercept + sum of coefficients x criteria + N(0, noise_sd).
  double intercept = 0.0;
  double low_education = 0.0;
  double hard_hit_sector = 0.0;
  double one_sided_history = 0.0;  // years_in_last_job >= one_sided_history_years
  double language_below_b2 = 0.0;
  double age_outside_27_55 = 0.0;
  double banenafspraak = 0.0;
  double noise_sd = 0.0;
  double one_sided_history_years = 10.0;
  // The age band of the S-aanpak criterion "younger than 27 or older than 55", used by the
  // latent distance and by the observed selection score alike.
  double age_band_low_years = 27.0;
  double age_band_high_years = 55.0;
  bool operator==(const DistanceParameters&) const = default;
};

struct SelectionParameters {
  // The weighted criteria of domain.md section 4.2 [S-aanpak]; weights are assumptions.
  double weight_high_need = 0.0;
  double weight_hard_hit_sector = 0.0;
  double weight_low_education = 0.0;
  double weight_low_education_and_flex = 0.0;
  double weight_one_sided_history = 0.0;
  double weight_language_below_b2 = 0.0;
  double weight_age_outside_27_55 = 0.0;
  double observation_noise_sd = 0.0;  // intake's view of the person is imperfect
  double threshold = 0.0;
  double regular_service_effect = 1.0;  // find-work multiplier for those below threshold
  double regular_service_months = 0.0;
};

struct TimeNormParameters {
  double outreach_call_hours = 0.0;
  double conversation_hours = 0.0;
  double visit_hours = 0.0;
  double advice_hours = 0.0;
  double intake_hours = 0.0;
  double diagnosis_hours = 0.0;  // diagnosis and labour-market profile
  double plan_hours = 0.0;       // arrangement plan
  double matching_hours = 0.0;
  double follow_up_hours = 0.0;
  double follow_up_interval_days = 28.0;  // between matching attempts for a waiting client
  double admin_share = 0.0;               // of working time, for administration and monitoring
  bool exponential_durations = false;     // draw each activity's time as Exp(mean = norm)
};

/// Queue priorities of the activities competing for advisors (0 = most urgent).
struct PriorityParameters {
  int intake = 0;
  int diagnosis = 0;
  int plan = 0;
  int coaching = 0;
  int matching = 0;
  int follow_up = 0;
  int employer_contact = 0;
};

struct StaffChange {
  kernel::Date date;
  int advisors = 0;  // internal advisors from this date on
};

struct StaffParameters {
  int advisors = 2;
  double hours_per_week = 36.0;  // per advisor
  int working_days_per_week = 5;
  double day_start_hour = 9.0;
  double internal_cost_per_hour_eur = 0.0;
  std::vector<StaffChange> schedule;
  double intake_patience_mean_days = 0.0;  // exponential patience while waiting; 0 = none
  bool round_the_clock = false;            // advisors always on shift (verification scenarios)
};

struct OutreachParameters {
  double calls_per_week = 0.0;                // outreach calls planned per week
  double spoken_share = 0.0;                  // called -> spoken
  double visited_share = 0.0;                 // spoken -> visited
  double advice_share = 0.0;                  // visited -> advice given
  double referrals_per_surplus_visit = 0.0;   // threatened workers referred (mean)
  double vacancies_per_shortage_visit = 0.0;  // vacancies acquired (mean)
  double inbound_requests_per_month = 0.0;    // at full awareness
  double awareness_start = 0.0;               // 0..1
  double awareness_gain_per_month = 0.0;      // towards 1, from communication
  double vacancy_lifetime_days = 0.0;
  double regular_client_fill_share = 0.0;  // vacancies filled by regular WW/PW clients
  double regular_client_ww_share = 0.5;    // of those, the share of WW (the rest PW) clients
  // Draws from a pool to find a person in the wanted state before a referral or vacancy
  // placement lapses (pools hold people who may have left the state since).
  int pool_draws = 12;
};

struct InstrumentParameters {
  std::string name;
  InterventionType type = InterventionType::coaching;
  double staff_hours = 0.0;  // advisor time, split into sessions
  int sessions = 1;
  double cost_eur = 0.0;        // external cost
  double budget_cap_eur = 0.0;  // the most this instrument may commit in all (0: no cap of its own)
  std::string budget_stream;    // "instruments" or "maatwerk"
  double duration_weeks = 0.0;
  int seats = 0;  // concurrent places; 0 = unlimited
  double completion_probability = 1.0;
  double effect_during = 1.0;  // find-work hazard multiplier while running (lock-in < 1)
  double effect_after = 1.0;   // multiplier after completion
  double effect_after_months = 0.0;
  // Assignment rule: offered to selected people whose observed score is at least
  // min_score, restricted as flagged, with this probability.
  double min_score = 0.0;
  bool hard_hit_sector_only = false;
  bool threatened_only = false;
  bool language_below_b2_only = false;
  double assign_probability = 0.0;
};

struct BudgetParameters {
  double centre_budget_eur = 0.0;      // the mobility centre: staff and external hires
  double instrument_budget_eur = 0.0;  // instruments for the centre's clients
  double maatwerk_cap_per_person_eur = 0.0;
  bool wait_when_exhausted = false;  // true: wait for money; false: regular service only
};

/// A target someone has set for a key figure, shown beside the figure as a reference line
/// (`[[targets.references]]`): the programme's own targets, say. It changes no simulated path.
/// Its label says whose target it is and over what (a programme's target may cover more years
/// and more services than the scenario simulates, and the reader must see that).
struct ReferenceTarget {
  std::string figure;  // a key figure's name (model/metric_registry.hpp)
  double value = 0.0;  // in the figure's unit
  std::string label;   // whose target, for which period and scope
};

/// What the region asks of the service (the scenario's [targets]): the key figures that count
/// months against a target read it (wait_months_above_target).
struct TargetParameters {
  double max_wait_p90_working_days = 10.0;  // a month's p90 wait to intake at most this
  std::vector<ReferenceTarget> references;  // none unless the scenario states some
};

struct ScalingParameters {
  bool enabled = false;
  double trigger_waiting_list = 0.0;  // waiting list above this ...
  int trigger_weeks = 1;              // ... at this many consecutive weekly checks
  double lead_time_weeks = 0.0;
  double external_cost_per_hour_eur = 0.0;
  double external_hours_per_week = 36.0;
  int max_external_advisors = 0;
  double scale_down_utilisation = 0.0;  // at a herijking, release one if below
  int review_interval_months = 3;       // a herijking every this many months from the start
};

struct BankruptcyShock {
  kernel::Date date;
  int staff = 1;
  std::string sector;
  double notice_days = 30.0;     // announcement (surseance) to the end of the jobs
  bool calls_the_centre = true;  // the firm refers its staff at the announcement
  bool operator==(const BankruptcyShock&) const = default;
};

struct ShockParameters {
  std::vector<BankruptcyShock> bankruptcies;
  bool now_end_enabled = false;
  kernel::Date now_end_date{2021, 10, 1};
  double now_end_extra_threatened = 0.0;  // a batch of newly threatened workers
  double now_end_job_loss_factor = 1.0;   // multiplies the job-loss hazard afterwards
  bool campaign_enabled = false;
  kernel::Date campaign_date{2021, 3, 1};
  double campaign_awareness_boost = 0.0;
  bool operator==(const ShockParameters&) const = default;
};

struct SecondmentParameters {
  double takeover_after_secondment_share = 0.0;  // doorleen that ends in overname
};

struct BenefitParameters {
  double ww_replacement_first_months = 0.75;
  int ww_first_months = 2;
  double ww_replacement_after = 0.70;
  double ww_max_monthly_wage_eur = 0.0;
  double pw_monthly_cost_eur = 0.0;
  double ww_entitlement_base_months = 3.0;
  double ww_entitlement_months_per_work_year = 1.0;
  double ww_entitlement_max_months = 24.0;
  double ww_min_work_history_years = 0.5;  // below this: no WW entitlement
  double working_age_min_years = 16.0;     // people's ages are drawn within the working age
  double working_age_max_years = 67.0;     // (benefits end at the AOW age)
  bool operator==(const BenefitParameters&) const = default;
};

/// What the effect figures leave out when taken at face value (issue 12). The two worlds differ
/// only in the clients' own paths; these corrections account for other people.
struct AdditionalityParameters {
  /// Share of the benefit savings of placements on acquired vacancies that another registered
  /// job seeker would have made anyway (the vacancy would have been filled by them): displaced.
  double vacancy_displacement_share = 0.0;
  /// The same for secondments (doorleen) and takeovers (overname): the shortage firm would have
  /// hired another job seeker (substitution).
  double secondment_substitution_share = 0.0;
  /// A placement counts as deadweight when the person's path without the service reached work
  /// within this many months of the placement (it is already in the baseline: no saving is
  /// counted for it, and it is shown, not hidden).
  double deadweight_window_months = 0.0;
};

/// What a first responsible party (CohortParameters::first_party) decides. It refers the new
/// people of the cohorts it is responsible for to the centre, each with the cohort's
/// referral_share times its referral_factor (at most 1); the instruments of those people are
/// booked to it (who pays). The benefit euros saved are booked to whoever pays the benefit
/// (WW: UWV, PW: the municipality), so the key figures show who pays and who saves.
struct PartyParameters {
  double referral_factor = 1.0;
  bool operator==(const PartyParameters&) const = default;
};

/// The labour market over the horizon (model/economy.hpp): monthly paths of the unemployment
/// rate (CBS definition, % of the labour force) and of the labour market's tightness (CBS
/// "spanning": vacancies per unemployed person), and the elasticities through which they move
/// the rates. The base hazards and inflows hold at the reference values. The first
/// `observed_months` months of the paths are published figures, the rest are assumptions (a
/// forecast); the economy's uncertainty draws leave the observed months alone.
struct EconomyParameters {
  std::vector<double> unemployment_rate_pct;  // per horizon month; the last value after its end
  double reference_unemployment_rate_pct = 1.0;
  std::vector<double> vacancies_per_unemployed;  // per horizon month; empty: no tightness
  double reference_vacancies_per_unemployed = 1.0;
  int observed_months = 0;            // leading months of the paths that are published figures
  double find_work_elasticity = 0.0;  // find-work hazards (negative: fewer exits when high)
  double job_loss_elasticity = 0.0;   // job-loss hazards of threatened workers
  double inflow_elasticity = 0.0;     // inflow of the cohorts that start in WW or PW
  double take_up_elasticity = 0.0;    // inflow of threatened workers (NOW firms) and TOZO
  double surplus_elasticity = 0.0;    // employers' surplus shares (staff to let go)
  double shortage_elasticity = 0.0;   // employers' shortage shares (vacancies; negative)
  /// Elasticities with respect to the tightness (vacancies per unemployed person): the
  /// matching function's 1 - alpha for the find-work hazards, and the employers' shortage
  /// shares. Both apply on top of the unemployment elasticities above.
  double find_work_tightness_elasticity = 0.0;
  double shortage_tightness_elasticity = 0.0;
  bool operator==(const EconomyParameters&) const = default;
};

/// What a run does not know, drawn anew for every replication (scenario/replication_draws.hpp):
/// replication r of every scenario of a comparison gets the same draws (keyed by the master
/// seed, r and the parameter's key path), so levels get honest bands while paired differences
/// stay sharp. All zero / empty: no draws, and results equal those of a model without this
/// table, bit for bit.
struct UncertainParameter {
  std::string key;       // a number or number-list key path of the scenario
  int mode = 0;          // index into kUncertainModeNames: the draw replaces or scales the value
  int distribution = 0;  // index into kUncertainDistributionNames
  double lower = 0.0;    // of the value (mode "value") or of the factor (mode "scale")
  double upper = 0.0;
  bool operator==(const UncertainParameter&) const = default;
};
inline const std::vector<std::string> kUncertainModeNames = {"value", "scale"};
/// uniform on [lower, upper]; triangular on [lower, upper] with its peak at the scenario's own
/// value (mode "value") or at 1 (mode "scale").
inline const std::vector<std::string> kUncertainDistributionNames = {"uniform", "triangular"};

/// A sample of parameter values from a calibration posterior: each particle sets every key
/// (and element range) to its value. Drawn by weight, one particle per replication.
struct PosteriorSample {
  std::string file;  // where it was read from (for reports)
  std::vector<std::string> keys;
  std::vector<int> first_element;  // -1: a number (or every element of a list)
  std::vector<int> last_element;
  std::vector<std::vector<double>> particles;  // [particle][parameter]
  std::vector<double> weights;                 // one per particle, not all zero
  /// Per particle its 1-based line in the file, for messages (empty: not read from a text file).
  std::vector<std::size_t> lines;
  bool operator==(const PosteriorSample&) const = default;
};

struct UncertaintyParameters {
  /// The economy path (EconomyParameters; the reference rate when it has none) times
  /// exp(x_m), x_m = persistence * x_{m-1} + sd * N(0,1) from the first month after the
  /// economy's observed months on (x = 0 before): a random walk in the log of the unemployment
  /// rate when persistence is 1. The tightness path (when there is one) moves with it, times
  /// exp(tightness_coupling * x): -1 holds the vacancies where the path has them, -2 lets them
  /// fall as much as unemployment rises (a Beveridge curve of slope -1 in logs).
  double economy_sd_log_per_month = 0.0;
  double economy_persistence = 1.0;
  double economy_tightness_coupling = 0.0;
  std::vector<UncertainParameter> parameters;
  /// Path of a posterior file (relative to the scenario file that names it; "" none) and its
  /// contents, read when the scenario is loaded or given with --posterior.
  std::string posterior;
  std::shared_ptr<const PosteriorSample> posterior_sample;
  bool operator==(const UncertaintyParameters& o) const {
    const bool same_sample =
        posterior_sample == o.posterior_sample ||
        (posterior_sample && o.posterior_sample && *posterior_sample == *o.posterior_sample);
    return economy_sd_log_per_month == o.economy_sd_log_per_month &&
           economy_persistence == o.economy_persistence &&
           economy_tightness_coupling == o.economy_tightness_coupling &&
           parameters == o.parameters && posterior == o.posterior && same_sample;
  }
  /// Whether a replication draws anything.
  [[nodiscard]] bool active() const {
    return economy_sd_log_per_month > 0.0 || !parameters.empty() ||
           (posterior_sample && !posterior_sample->particles.empty());
  }
};

struct ModelParameters {
  std::string region = "Gooi en Vechtstreek";
  HorizonParameters horizon;
  std::vector<SectorParameters> sectors;
  EmployerParameters employers;
  HazardParameters hazards;
  EconomyParameters economy;
  std::array<CohortParameters, kCohortCount> cohorts;
  std::array<PartyParameters, kFirstPartyCount> parties;
  DistanceParameters distance;
  SelectionParameters selection;
  TimeNormParameters time_norms;
  PriorityParameters priorities;
  StaffParameters staff;
  OutreachParameters outreach;
  std::vector<InstrumentParameters> instruments;
  BudgetParameters budget;
  TargetParameters targets;
  ScalingParameters scaling;
  ShockParameters shocks;
  SecondmentParameters secondment;
  BenefitParameters benefits;
  AdditionalityParameters additionality;
  UncertaintyParameters uncertainty;
  bool service_enabled = true;  // false: the "no service" world only (checks)
};

}  // namespace werkstroom::model
