# The evaluation planner's oracle: R's power.prop.test (stats, two-sided, strict = FALSE) on a grid of
# levels, changes, sample sizes, significance levels and powers, written as tests/oracle/golden/power.json,
# which src/lib/stats/power.oracle.test.ts compares src/lib/stats/power.ts with.
#
#   Rscript tests/oracle/power.R          (from the repository root; npm run test:oracle does this)
#
# tol = 1e-12: power.prop.test's default uniroot tolerance (.Machine$double.eps^0.25) is too loose for an oracle.
suppressPackageStartupMessages(library(jsonlite))

tol <- 1e-12
cases <- list()
add <- function(x) cases[[length(cases) + 1]] <<- x

for (alpha in c(0.05, 0.01, 0.1)) {
  for (pw in c(0.8, 0.9)) {
    for (p1 in c(0.02, 0.05, 0.14, 0.3, 0.5, 0.7, 0.9)) {
      for (d in c(0.01, 0.02, 0.05, 0.08)) {
        p2 <- p1 + d
        if (p2 >= 1) next
        r <- power.prop.test(p1 = p1, p2 = p2, sig.level = alpha, power = pw, tol = tol)
        add(list(kind = "n", p1 = p1, p2 = p2, alpha = alpha, power = pw, n = r$n))
      }
      for (n in c(100, 500, 1000, 1025, 5000)) {
        # R warns "No p2 in [p1, 1] can be found" and extends the search past 1: recorded as null (none).
        r <- suppressWarnings(power.prop.test(n = n, p1 = p1, sig.level = alpha, power = pw, tol = tol))
        add(list(kind = "p2", p1 = p1, n = n, alpha = alpha, power = pw, p2 = if (r$p2 < 1) r$p2 else NA))
      }
    }
  }
  for (p1 in c(0.05, 0.14, 0.5)) {
    for (n in c(300, 1000, 1008)) {
      r <- power.prop.test(n = n, p1 = p1, p2 = p1 + 0.04, sig.level = alpha)
      add(list(kind = "power", p1 = p1, p2 = p1 + 0.04, n = n, alpha = alpha, power = r$power))
    }
  }
}

dir.create("tests/oracle/golden", showWarnings = FALSE, recursive = TRUE)
writeLines(toJSON(list(r_version = R.version.string, cases = cases), auto_unbox = TRUE, digits = NA, na = "null", pretty = FALSE),
  "tests/oracle/golden/power.json")
cat(sprintf("power.json: %d cases\n", length(cases)))
