# The oracle for difference-in-differences against a comparison GROUP (campaigns, issue 8): R's survey package
# on the data tests/oracle/oracle.R generated (medium and large: waves w1, w2 with sex, age and county), the
# interaction of svyglm(I(q == code) ~ wave * target) where `target` is formed from a weighting variable —
# the campaign's counties against every other county or against a chosen set, an age group against the rest.
# Respondents in neither group are kept in the design (subset() keeps them for the variance), as the engine
# keeps them in their weighting cells. Writes tests/oracle/golden/did_group.json, which
# src/lib/server/surveys/surveys.effect-group.oracle.test.ts compares the engine with (no R needed).
#
#   Rscript tests/oracle/did_group.R     (from the repository root; npm run test:oracle does this)
suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
})
options(survey.lonely.psu = "fail")

out <- "tests/oracle"
pop <- read.csv("data/norway_population_margins.csv", colClasses = c(county_number = "character"))
age4 <- function(g) {
  ifelse(g %in% c("16-19", "20-24", "25-29"), "16-29",
    ifelse(g %in% c("30-34", "35-39", "40-44"), "30-44",
      ifelse(g %in% c("45-49", "50-54", "55-59", "60-64"), "45-64", "65+")))
}
nation <- pop[pop$level == "nation", ]
sex_age <- aggregate(population ~ sex + age, data = transform(nation, age = age4(age_group)), sum)

# Oslo and the counties of the former Viken (Østfold, Akershus, Buskerud): the issue's example of a campaign
# that ran in part of the country.
cases <- list(
  list(id = "counties_vs_rest", variable = "county", target = c("03", "31", "32", "33"), comparison = NULL),
  list(id = "oslo_vs_chosen", variable = "county", target = c("03"), comparison = c("46", "50", "55")),
  list(id = "young_vs_rest", variable = "age", target = c("16-29"), comparison = NULL)
)

run <- function(name) {
  d <- read.csv(file.path(out, "data", paste0(name, ".responses.csv")),
    colClasses = c(county = "character", q = "character"), na.strings = "")
  margins <- read.csv(file.path(out, "data", paste0(name, ".margins.csv")), colClasses = c(level = "character"))
  waves <- sort(unique(d$wave))
  d$q <- factor(d$q, levels = c("a", "b", "c", "d"))
  des0 <- svydesign(ids = ~1, strata = ~wave, weights = ~w0, data = d)
  per_wave <- function(m) merge(data.frame(wave = waves), m, by = NULL)
  pop_of <- function(var) {
    m <- margins[margins$variable == var, ]
    p <- data.frame(m$level, m$total)
    names(p) <- c(var, "Freq")
    per_wave(p)
  }
  rake_vars <- c("sex", "age", "county")
  designs <- list(
    none = des0,
    poststratify = postStratify(des0, ~wave + sex + age,
      per_wave(data.frame(sex = sex_age$sex, age = sex_age$age, Freq = sex_age$population))),
    rake = rake(des0, lapply(rake_vars, function(v) as.formula(paste("~wave +", v))),
      lapply(rake_vars, pop_of), control = list(maxit = 50, epsilon = 1e-9))
  )
  num <- function(x) unname(as.numeric(x))
  estimates <- list()
  for (case in cases) {
    v <- d[[case$variable]]
    comparison <- if (is.null(case$comparison)) setdiff(unique(v), case$target) else case$comparison
    target <- ifelse(v %in% case$target, "yes", ifelse(v %in% comparison, "no", NA))
    for (method in names(designs)) {
      des <- update(designs[[method]], target = target)
      for (l in c("a", "d")) {
        dd <- svyglm(as.formula(paste0("I(as.numeric(q == '", l, "')) ~ wave * target")),
          subset(des, !is.na(q) & !is.na(target)))
        estimates[[length(estimates) + 1]] <- list(case = case$id, variable = case$variable,
          target = I(case$target), comparison = I(if (is.null(case$comparison)) character(0) else case$comparison),
          method = method, code = l, estimate = num(coef(dd)["wavew2:targetyes"]),
          se = num(SE(dd)["wavew2:targetyes"]))
      }
    }
  }
  golden <- list(name = name, survey = as.character(packageVersion("survey")), r = R.version.string,
    estimates = estimates)
  list(golden = golden, n = nrow(d))
}

all <- lapply(c("medium", "large"), run)
names(all) <- c("medium", "large")
writeLines(toJSON(lapply(all, function(x) x$golden), auto_unbox = TRUE, digits = NA, null = "list", pretty = FALSE),
  file.path(out, "golden", "did_group.json"))
for (n in names(all)) cat(sprintf("did_group %-7s n=%6d  %d estimates\n", n, all[[n]]$n, length(all[[n]]$golden$estimates)))
