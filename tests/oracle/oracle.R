# The statistics oracle: R's survey package (Lumley) on generated survey data, written as golden files
# that src/lib/stats/survey/oracle.test.ts compares the TypeScript engine with.
#
#   Rscript tests/oracle/oracle.R          (from the repository root; npm run test:oracle does this)
#
# Writes tests/oracle/data/<name>.responses.csv, tests/oracle/data/<name>.margins.csv (population
# margins from data/norway_population_margins.csv, SSB table 07459 via csdata, see data/SOURCES.md)
# and tests/oracle/golden/<name>.json. The data are random draws with a fixed seed: no real people.
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
county <- pop[pop$level == "county", ]
margin_of <- function(rows, variable, levels) {
  t <- tapply(rows$population, levels, sum)
  data.frame(variable = variable, level = names(t), total = as.numeric(t), stringsAsFactors = FALSE)
}
margins_all <- rbind(
  margin_of(nation, "sex", nation$sex),
  margin_of(nation, "age", age4(nation$age_group)),
  margin_of(county, "county", county$county_number)
)
sex_age <- aggregate(population ~ sex + age, data = transform(nation, age = age4(age_group)), sum)
counties <- sort(unique(county$county_number))
ages <- c("16-29", "30-44", "45-64", "65+")

make <- function(name, n_per_wave, seed, use_county, equal_w0, age_prob = c(0.25, 0.3, 0.3, 0.15),
                 female_prob = 0.55, lone_old_in = NULL, ps_vars = c("sex", "age")) {
  set.seed(seed)
  waves <- paste0("w", seq_along(n_per_wave))
  d <- do.call(rbind, lapply(seq_along(n_per_wave), function(k) {
    n <- n_per_wave[k]
    sex <- ifelse(runif(n) < female_prob, "female", "male")
    age <- sample(ages, n, replace = TRUE, prob = age_prob)
    if (!is.null(lone_old_in) && waves[k] == lone_old_in) {
      # Exactly one respondent aged 65+ in this wave: a margin cell with one respondent.
      age[age == "65+"] <- "45-64"
      age[1] <- "65+"
    }
    cty <- if (use_county) sample(counties, n, replace = TRUE) else rep("all", n)
    exposed <- ifelse(runif(n) < 0.35 + 0.1 * (k - 1), "yes", "no")
    # Answers depend on age, sex, exposure and wave, so weighting matters.
    lin <- -0.4 + 0.5 * (age == "65+") - 0.3 * (age == "16-29") + 0.3 * (sex == "female") +
      0.6 * (exposed == "yes") + 0.2 * (k - 1)
    u <- runif(n)
    pa <- plogis(lin)
    q <- ifelse(u < pa, "a", ifelse(u < pa + (1 - pa) * 0.45, "b", ifelse(u < pa + (1 - pa) * 0.8, "c", "d")))
    q[runif(n) < 0.05] <- NA
    x <- pmin(7, pmax(1, round(4 + lin + rnorm(n, sd = 1.5))))
    x[runif(n) < 0.04] <- NA
    w0 <- if (equal_w0) rep(1, n) else round(runif(n, 0.5, 2.5), 3)
    data.frame(id = paste0(waves[k], "-", seq_len(n)), wave = waves[k], sex = sex, age = age, county = cty,
      w0 = w0, q = q, exposed = exposed, x = x, stringsAsFactors = FALSE)
  }))
  d$q <- factor(d$q, levels = c("a", "b", "c", "d"))
  margins <- margins_all[margins_all$variable %in% c("sex", "age", if (use_county) "county"), ]
  write.csv(transform(d, q = as.character(q)), file.path(out, "data", paste0(name, ".responses.csv")),
    row.names = FALSE, na = "")
  write.csv(margins, file.path(out, "data", paste0(name, ".margins.csv")), row.names = FALSE)

  des0 <- svydesign(ids = ~1, strata = ~wave, weights = ~w0, data = d)
  per_wave <- function(m) merge(data.frame(wave = waves), m, by = NULL)
  pop_of <- function(var) {
    m <- margins[margins$variable == var, ]
    p <- data.frame(m$level, m$total)
    names(p) <- c(var, "Freq")
    per_wave(p)
  }
  ps_pop <- if (identical(ps_vars, c("sex", "age"))) {
    per_wave(data.frame(sex = sex_age$sex, age = sex_age$age, Freq = sex_age$population))
  } else pop_of(ps_vars)
  rake_vars <- c("sex", "age", if (use_county) "county")
  designs <- list(
    none = des0,
    poststratify = postStratify(des0, as.formula(paste("~wave +", paste(ps_vars, collapse = " + "))), ps_pop),
    rake = rake(des0, lapply(rake_vars, function(v) as.formula(paste("~wave +", v))),
      lapply(rake_vars, pop_of), control = list(maxit = 50, epsilon = 1e-9))
  )
  num <- function(x) unname(as.numeric(x))
  weights <- lapply(designs[c("poststratify", "rake")], function(des) num(weights(des)))
  if (equal_w0) {
    mw <- mean(weights(designs$rake))
    tr <- trimWeights(designs$rake, upper = 1.3 * mw, lower = 0.8 * mw)
    weights$rake_trim <- num(weights(tr))
    weights$rake_trim_bounds <- c(0.8 * mw, 1.3 * mw)
  }
  estimates <- list()
  add <- function(...) estimates[[length(estimates) + 1]] <<- list(...)
  for (method in names(designs)) {
    des <- designs[[method]]
    for (w in waves) {
      sub <- subset(des, wave == w & !is.na(q))
      m <- svymean(~q, sub, na.rm = TRUE, deff = "replace")
      for (l in levels(d$q)) {
        key <- paste0("q", l)
        ci <- attr(svyciprop(as.formula(paste0("~I(q == '", l, "')")), sub, method = "logit", df = Inf), "ci")
        wald <- confint(m)[key, ]
        add(method = method, kind = "proportion", wave = w, group = NA, code = l, estimate = num(coef(m)[key]),
          se = num(SE(m)[key]), deff = num(deff(m)[key]), ci_low = num(wald[1]), ci_high = num(wald[2]),
          logit_ci_low = num(ci[1]), logit_ci_high = num(ci[2]))
      }
      by <- svyby(~q, ~exposed, sub, svymean, na.rm = TRUE)
      for (g in rownames(by)) for (l in levels(d$q)) {
        add(method = method, kind = "proportion_by", wave = w, group = g, code = l,
          estimate = num(coef(by)[paste0(g, ":q", l)]), se = num(SE(by)[g, paste0("se.q", l)]))
      }
      mx <- svymean(~x, subset(des, wave == w & !is.na(x)), na.rm = TRUE, deff = "replace")
      add(method = method, kind = "mean", wave = w, group = NA, code = NA, estimate = num(coef(mx)),
        se = num(SE(mx)), deff = num(deff(mx)), ci_low = num(confint(mx)[1]), ci_high = num(confint(mx)[2]))
      gd <- svyglm(I(as.numeric(q == "a")) ~ exposed, subset(des, wave == w & !is.na(q)))
      add(method = method, kind = "group_difference", wave = w, group = "no->yes", code = "a",
        estimate = num(coef(gd)["exposedyes"]), se = num(SE(gd)["exposedyes"]))
    }
    if (length(waves) > 1) {
      wd <- svyglm(I(as.numeric(q == "a")) ~ wave, subset(des, !is.na(q) & wave %in% waves[1:2]))
      add(method = method, kind = "wave_difference", wave = "w1->w2", group = NA, code = "a",
        estimate = num(coef(wd)["wavew2"]), se = num(SE(wd)["wavew2"]))
      xd <- svyglm(x ~ wave, subset(des, !is.na(x) & wave %in% waves[1:2]))
      add(method = method, kind = "wave_difference", wave = "w1->w2", group = NA, code = NA,
        estimate = num(coef(xd)["wavew2"]), se = num(SE(xd)["wavew2"]))
      # Difference-in-differences: the wave x exposure interaction of a saturated model (issue 8).
      for (l in c("a", "d")) {
        dd <- svyglm(as.formula(paste0("I(as.numeric(q == '", l, "')) ~ wave * exposed")),
          subset(des, !is.na(q) & wave %in% waves[1:2]))
        add(method = method, kind = "did", wave = "w1->w2", group = "no->yes", code = l,
          estimate = num(coef(dd)["wavew2:exposedyes"]), se = num(SE(dd)["wavew2:exposedyes"]),
          df_residual = num(dd$df.residual), se_summary = num(coef(summary(dd))["wavew2:exposedyes", 2]))
      }
    }
  }
  golden <- list(name = name, survey = as.character(packageVersion("survey")), r = R.version.string,
    rake_variables = rake_vars, poststratify_variables = ps_vars,
    poststratify_cells = if (identical(ps_vars, c("sex", "age"))) sex_age else NULL, weights = weights, estimates = estimates)
  writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, na = "null", pretty = FALSE),
    file.path(out, "golden", paste0(name, ".json")))
  cat(sprintf("%-9s n=%6d  rake converged; %d estimates\n", name, nrow(d), length(estimates)))
}

make("small", c(60, 48), 11, use_county = FALSE, equal_w0 = TRUE, lone_old_in = "w2", ps_vars = "age")
make("unequal", c(400, 300), 12, use_county = FALSE, equal_w0 = TRUE, age_prob = c(0.55, 0.25, 0.12, 0.08),
  female_prob = 0.8)
make("medium", c(1500, 1200), 13, use_county = TRUE, equal_w0 = FALSE)
make("large", c(12000, 10000), 14, use_county = TRUE, equal_w0 = FALSE)
