/// JSON Schemas (draft 2020-12) of every JSON output, printed by `scaleplan schema --output NAME`.
///
/// Each schema matches what its renderer writes: every member is always present (an absent
/// value is `null`, never a missing key), and any number the model computes may be `null`
/// (`JSONOutput` renders NaN and infinities as `null`). Numbers copied from the profile are
/// finite (the parser rejects anything else) and are plain numbers here.
public enum OutputSchemas {
    /// Output names as `--output` takes them, in the order `schema --help` lists them.
    public static let names = [
        "projection", "montecarlo", "sensitivity", "optimize", "capacity", "check", "tierdiff", "plandiff", "list", "show",
        "fitgrowth", "fitusl",
    ]

    /// The schema of an output, nil for an unknown name.
    public static func schema(named name: String) -> String? {
        switch name {
        case "projection": projection
        case "montecarlo": montecarlo
        case "sensitivity": sensitivity
        case "optimize": optimize
        case "capacity": capacity
        case "check": check
        case "tierdiff": tierdiff
        case "plandiff": plandiff
        case "list": list
        case "show": show
        case "fitgrowth": fitgrowth
        case "fitusl": fitusl
        default: nil
        }
    }

    /// `simulate --format json` (`ProjectionJSONRenderer`).
    static let projection = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://scaleplan.dev/schema/output/projection-2.schema.json",
          "title": "scaleplan projection",
          "description": "`scaleplan simulate --format json`: the deterministic month-by-month projection of a plan. Monthly amounts are in the profile's currency, utilisation is a fraction (1 = at the limit), latency in milliseconds. A number the model computes is null when it is not finite.",
          "type": "object",
          "required": ["overrides", "schema", "profile", "growth", "start", "tiers", "months", "triggers", "invalid_values", "events"],
          "additionalProperties": false,
          "properties": {
            "overrides": \#(ParamOverride.jsonSchema),
            "schema": { "const": "scaleplan.projection/2" },
            "profile": {
              "type": "object",
              "required": ["id", "name", "currency", "driver"],
              "additionalProperties": false,
              "properties": {
                "id": { "$ref": "#/$defs/id" },
                "name": { "type": "string" },
                "currency": { "$ref": "#/$defs/currency" },
                "driver": {
                  "type": "object",
                  "required": ["name", "unit", "label"],
                  "additionalProperties": false,
                  "properties": {
                    "name": { "$ref": "#/$defs/identifier" },
                    "unit": { "type": "string", "description": "Singular unit (`user`)." },
                    "label": { "type": "string" }
                  }
                }
              }
            },
            "growth": {
              "type": "object",
              "required": ["source", "curve"],
              "additionalProperties": false,
              "properties": {
                "source": { "type": "string", "description": "Where the curve came from: `scenario seed (…)`, `--growth …`, `--growth-csv FILE`." },
                "curve": { "type": "string", "description": "The curve in one line (`points 0:500,12:5000`)." }
              }
            },
            "start": {
              "oneOf": [{ "$ref": "#/$defs/yearMonth" }, { "type": "null" }],
              "description": "The calendar month of month 0; null when the plan has none (labels are then `M0`, `M1`, …)."
            },
            "tiers": {
              "type": "array",
              "description": "Each tier's cost items once; a month's `cost.items` are in this order.",
              "items": {
                "type": "object",
                "required": ["id", "name", "items"],
                "additionalProperties": false,
                "properties": {
                  "id": { "$ref": "#/$defs/id" },
                  "name": { "type": "string" },
                  "items": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["item", "category"],
                      "additionalProperties": false,
                      "properties": {
                        "item": { "type": "string" },
                        "category": { "$ref": "#/$defs/category" }
                      }
                    }
                  }
                }
              }
            },
            "months": { "type": "array", "items": { "$ref": "#/$defs/month" } },
            "triggers": {
              "type": "array",
              "description": "Every trigger (global ones first, then each tier's, in declaration order) and the months it fires in.",
              "items": {
                "type": "object",
                "required": ["id", "tier", "severity", "first_month", "spans"],
                "additionalProperties": false,
                "properties": {
                  "id": { "$ref": "#/$defs/id" },
                  "tier": { "oneOf": [{ "$ref": "#/$defs/id" }, { "type": "null" }], "description": "The tier that owns it; null for a global trigger." },
                  "severity": { "$ref": "#/$defs/severity" },
                  "first_month": { "type": ["integer", "null"], "minimum": 0, "description": "null when it never fires." },
                  "spans": {
                    "type": "array",
                    "description": "Runs of consecutive months in which it fires, `[first, last]` inclusive, ascending.",
                    "items": {
                      "type": "array",
                      "prefixItems": [{ "type": "integer", "minimum": 0 }, { "type": "integer", "minimum": 0 }],
                      "items": false,
                      "minItems": 2
                    }
                  }
                }
              }
            },
            "invalid_values": {
              "type": "array",
              "description": "Values of the model that broke their rule, each once, at its first month.",
              "items": { "$ref": "#/$defs/invalidValue" }
            },
            "events": {
              "type": "array",
              "description": "Ordered by month, then severity (critical first) and kind.",
              "items": { "$ref": "#/$defs/event" }
            }
          },
          "$defs": {
            "id": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$" },
            "identifier": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" },
            "category": { "type": "string", "pattern": "^[a-z][a-z0-9_]*$" },
            "currency": { "type": "string", "pattern": "^[A-Z]{3}$" },
            "yearMonth": { "type": "string", "pattern": "^[0-9]{4,}-(0[1-9]|1[0-2])$" },
            "label": {
              "type": "string",
              "pattern": "^(M[0-9]+|[0-9]{4,}-(0[1-9]|1[0-2]))$",
              "description": "`2026-03` when the plan has a start month, else `M3`."
            },
            "severity": { "enum": ["info", "warning", "critical"] },
            "month": {
              "type": "object",
              "required": ["month", "label", "driver", "tier", "required_tier", "metrics", "limits", "bottleneck", "queues", "cost", "revenue", "margin"],
              "additionalProperties": false,
              "properties": {
                "month": { "type": "integer", "minimum": 0 },
                "label": { "$ref": "#/$defs/label" },
                "driver": { "type": ["number", "null"], "description": "The driver's value this month (users, businesses)." },
                "tier": { "$ref": "#/$defs/id", "description": "The tier the plan's ranges put this month in." },
                "required_tier": {
                  "oneOf": [{ "$ref": "#/$defs/id" }, { "type": "null" }],
                  "description": "The lowest tier whose limits carry the load; null when none can."
                },
                "metrics": {
                  "type": "object",
                  "description": "Every metric's value, by name, in declaration order.",
                  "propertyNames": { "$ref": "#/$defs/identifier" },
                  "additionalProperties": { "type": ["number", "null"] }
                },
                "limits": {
                  "type": "array",
                  "description": "The plan tier's limits at this month's load.",
                  "items": {
                    "type": "object",
                    "required": ["name", "value", "limit", "utilization"],
                    "additionalProperties": false,
                    "properties": {
                      "name": { "$ref": "#/$defs/identifier" },
                      "value": { "type": ["number", "null"] },
                      "limit": { "type": ["number", "null"] },
                      "utilization": { "type": ["number", "null"], "description": "value / limit, a fraction." }
                    }
                  }
                },
                "bottleneck": {
                  "description": "The plan tier's most-used limit; null when the tier has none.",
                  "oneOf": [
                    {
                      "type": "object",
                      "required": ["name", "utilization"],
                      "additionalProperties": false,
                      "properties": {
                        "name": { "$ref": "#/$defs/identifier" },
                        "utilization": { "type": ["number", "null"] }
                      }
                    },
                    { "type": "null" }
                  ]
                },
                "queues": {
                  "type": "array",
                  "description": "The plan tier's queues (M/M/c).",
                  "items": {
                    "type": "object",
                    "required": ["name", "arrival_per_s", "servers", "service_ms", "utilization", "p95_ms", "target_ms"],
                    "additionalProperties": false,
                    "properties": {
                      "name": { "$ref": "#/$defs/identifier" },
                      "arrival_per_s": { "type": ["number", "null"], "description": "Arrivals per second." },
                      "servers": { "type": ["number", "null"], "description": "The whole number of servers the model uses." },
                      "service_ms": { "type": ["number", "null"], "description": "Mean service time in ms." },
                      "utilization": { "type": ["number", "null"], "description": "Per-server utilisation, a fraction." },
                      "p95_ms": { "type": ["number", "null"], "description": "p95 response time in ms; null when the queue is unstable or its inputs are invalid." },
                      "target_ms": { "type": ["number", "null"], "description": "The p95 target in ms, from the queue or the tier's SLO; null when there is none." }
                    }
                  }
                },
                "cost": {
                  "type": "object",
                  "required": ["low", "expected", "high", "per_unit", "categories", "items"],
                  "additionalProperties": false,
                  "properties": {
                    "low": { "type": ["number", "null"], "description": "Monthly cost, low end." },
                    "expected": { "type": ["number", "null"], "description": "Monthly cost, expected." },
                    "high": { "type": ["number", "null"], "description": "Monthly cost, high end." },
                    "per_unit": { "type": ["number", "null"], "description": "Expected cost per driver unit; null at a zero driver." },
                    "categories": {
                      "type": "object",
                      "description": "Expected monthly cost per category (every category of the plan).",
                      "propertyNames": { "$ref": "#/$defs/category" },
                      "additionalProperties": { "type": ["number", "null"] }
                    },
                    "items": {
                      "type": "array",
                      "description": "The plan tier's items, in the order of its `tiers[].items`: [low, expected, high] monthly amounts.",
                      "items": {
                        "type": "array",
                        "prefixItems": [{ "type": ["number", "null"] }, { "type": ["number", "null"] }, { "type": ["number", "null"] }],
                        "items": false,
                        "minItems": 3
                      }
                    }
                  }
                },
                "revenue": { "type": ["number", "null"], "description": "Monthly revenue; null when the plan does not model it." },
                "margin": { "type": ["number", "null"], "description": "Revenue minus expected cost; null without revenue." }
              }
            },
            "invalidValue": {
              "type": "object",
              "required": ["subject", "expression", "month", "value", "value_text", "expected", "tier", "quantity"],
              "additionalProperties": false,
              "properties": {
                "subject": { "type": "string", "description": "What it is (`cost item 'Supabase' of Starter`)." },
                "expression": { "type": "string", "description": "The expression it comes from." },
                "month": { "type": "integer", "minimum": 0, "description": "The first month it was invalid." },
                "value": { "type": ["number", "null"], "description": "Its value then; null for NaN or an infinity (see value_text)." },
                "value_text": { "type": "string", "description": "The value as text, `NaN` and `inf` included." },
                "expected": { "type": "string", "description": "What a valid value is (`an amount of 0 or more`)." },
                "tier": { "oneOf": [{ "$ref": "#/$defs/id" }, { "type": "null" }] },
                "quantity": { "type": "string", "description": "The trigger-context or metric name it is reported as." }
              }
            },
            "event": {
              "type": "object",
              "required": ["month", "label", "kind", "severity", "tier", "trigger", "message", "action", "quantity", "value", "threshold"],
              "additionalProperties": false,
              "properties": {
                "month": { "type": "integer", "minimum": 0 },
                "label": { "$ref": "#/$defs/label" },
                "kind": { "enum": ["trigger", "tier-change", "migration-start", "no-tier-carries", "tier-over-capacity", "slo-missed", "invalid-value"] },
                "severity": { "$ref": "#/$defs/severity" },
                "tier": { "oneOf": [{ "$ref": "#/$defs/id" }, { "type": "null" }], "description": "The tier concerned." },
                "trigger": { "oneOf": [{ "$ref": "#/$defs/id" }, { "type": "null" }], "description": "The trigger, for a `trigger` event." },
                "message": { "type": "string", "description": "What happened, in a sentence." },
                "action": { "type": ["string", "null"], "description": "What to do about it." },
                "quantity": { "type": ["string", "null"], "description": "The compared quantity (`db_connections`, `utilization.peak_rps`)." },
                "value": { "type": ["number", "null"], "description": "The observed value, when there is one." },
                "threshold": { "type": ["number", "null"], "description": "The threshold it crossed, when there is one." }
              }
            }
          }
        }
        """#

    /// `simulate --trials N --format json` (`MonteCarloReport.json`).
    static let montecarlo = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://scaleplan.dev/schema/output/montecarlo-3.schema.json",
          "title": "scaleplan Monte Carlo",
          "description": "`scaleplan simulate --trials N --format json`: percentiles per month of each series, trigger and tier odds, and the values of the model invalid in some trials. Monthly amounts are in the profile's currency, utilisation is a fraction, latency in milliseconds, probabilities and shares are fractions of the trials.",
          "type": "object",
          "required": ["overrides", "schema", "profile", "growth", "trials", "seed", "start", "months", "series", "triggers", "tiers", "moves", "no_tier_carries", "invalid_values"],
          "additionalProperties": false,
          "properties": {
            "overrides": \#(ParamOverride.jsonSchema),
            "schema": { "const": "scaleplan.montecarlo/3" },
            "profile": \#(JSONOutput.profileSchema),
            "growth": { "type": "string", "description": "Where the growth curve came from." },
            "trials": { "type": "integer", "minimum": 1 },
            "seed": { "type": "string", "pattern": "^[0-9]+$", "description": "The random seed, a 64-bit unsigned integer as a decimal string." },
            "start": {
              "oneOf": [{ "type": "string", "pattern": "^[0-9]{4,}-(0[1-9]|1[0-2])$" }, { "type": "null" }],
              "description": "The calendar month of month 0; null when there is none."
            },
            "months": {
              "type": "array",
              "items": {
                "type": "object",
                "description": "One month: its index and label, then one member per series, named as in `series`, holding that series' percentiles.",
                "required": ["month", "label"],
                "properties": {
                  "month": { "type": "integer", "minimum": 0 },
                  "label": { "type": "string", "pattern": "^(M[0-9]+|[0-9]{4,}-(0[1-9]|1[0-2]))$" }
                },
                "propertyNames": { "$ref": "#/$defs/identifier" },
                "additionalProperties": { "$ref": "#/$defs/percentiles" }
              }
            },
            "series": {
              "type": "array",
              "description": "The series of every month, in order: the driver, each limited metric, utilisation, p95 (when the plan has queues), cost, and revenue and margin when modelled.",
              "items": {
                "type": "object",
                "required": ["name", "kind"],
                "additionalProperties": false,
                "properties": {
                  "name": { "$ref": "#/$defs/identifier" },
                  "kind": { "enum": ["driver", "metric", "utilization", "latency", "cost", "revenue", "margin"] }
                }
              }
            },
            "triggers": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["id", "tier", "severity", "action", "probability", "first_month", "first_months"],
                "additionalProperties": false,
                "properties": {
                  "id": { "$ref": "#/$defs/id" },
                  "tier": { "oneOf": [{ "$ref": "#/$defs/id" }, { "type": "null" }], "description": "The tier that owns it; null for a global trigger." },
                  "severity": { "enum": ["info", "warning", "critical"] },
                  "action": { "type": "string" },
                  "probability": { "$ref": "#/$defs/share", "description": "The share of trials in which it fires at least once." },
                  "first_month": {
                    "type": "object",
                    "description": "Percentiles of the first month it fires over all trials; null where the rank falls on trials in which it never fires.",
                    "required": ["p10", "p50", "p90"],
                    "additionalProperties": false,
                    "properties": {
                      "p10": { "type": ["integer", "null"], "minimum": 0 },
                      "p50": { "type": ["integer", "null"], "minimum": 0 },
                      "p90": { "type": ["integer", "null"], "minimum": 0 }
                    }
                  },
                  "first_months": {
                    "type": "array",
                    "description": "The cumulative distribution: `[month, share of trials fired by then]` at each month the share rises.",
                    "items": {
                      "type": "array",
                      "prefixItems": [{ "type": "integer", "minimum": 0 }, { "$ref": "#/$defs/share" }],
                      "items": false,
                      "minItems": 2
                    }
                  }
                }
              }
            },
            "tiers": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["id", "needed_by", "in_plan", "required"],
                "additionalProperties": false,
                "properties": {
                  "id": { "$ref": "#/$defs/id" },
                  "needed_by": { "$ref": "#/$defs/shares", "description": "Per month: the share of trials whose plan tier, or required tier, has reached this tier by then." },
                  "in_plan": { "$ref": "#/$defs/shares", "description": "Per month: the share of trials whose plan is on this tier." },
                  "required": { "$ref": "#/$defs/shares", "description": "Per month: the share of trials for which this is the lowest tier whose limits carry the load." }
                }
              }
            },
            "moves": {
              "type": "array",
              "description": "Every tier the plan can move into (all but the first), in tier order, with its safe start date: the month it is needed less the trial's lead time (drawn when uncertain, rounded up to whole months).",
              "items": {
                "type": "object",
                "required": ["tier", "needed_by", "probability_needed", "lead_time", "start_by", "start_by_p50", "not_before", "ready_if_started_in", "advice"],
                "additionalProperties": false,
                "properties": {
                  "tier": { "$ref": "#/$defs/id" },
                  "needed_by": {
                    "type": "object", "required": ["p10", "p50", "p90"], "additionalProperties": false,
                    "description": "Percentiles of the month the tier is first needed (its range is reached or the load requires it); null: later than the horizon.",
                    "properties": { "p10": { "$ref": "#/$defs/monthOrNull" }, "p50": { "$ref": "#/$defs/monthOrNull" }, "p90": { "$ref": "#/$defs/monthOrNull" } }
                  },
                  "probability_needed": { "type": "number", "minimum": 0, "maximum": 1, "description": "The share of trials that need the tier within the horizon." },
                  "lead_time": {
                    "description": "The migration's lead time in months as the profile gives it; null without one (0).",
                    "oneOf": [{ "type": "object", "required": ["low", "mode", "high"], "additionalProperties": false, "properties": { "low": { "type": "number" }, "mode": { "type": ["number", "null"] }, "high": { "type": "number" } } }, { "type": "null" }]
                  },
                  "start_by": {
                    "type": "object", "required": ["confidence", "month"], "additionalProperties": false,
                    "description": "The latest month to start so that the move is ready in time in at least `confidence` of the trials.",
                    "properties": {
                      "confidence": { "type": "number", "minimum": 0.5, "maximum": 0.999 },
                      "month": { "type": ["integer", "null"], "description": "Negative: already that many months late at month 0; null: no start needed before not_before in that many trials." }
                    }
                  },
                  "start_by_p50": { "type": ["integer", "null"], "description": "The same at 50%." },
                  "not_before": { "type": "integer", "description": "Dates are known only before this month (the horizon less the longest lead time: a need after the horizon could ask for a start from here on); a null date means no start is needed before it." },
                  "ready_if_started_in": { "$ref": "#/$defs/shares", "description": "Per month m: the share of trials ready in time if the move starts in month m." },
                  "advice": { "type": "string", "description": "The start date in one sentence, as the table says it." }
                }
              }
            },
            "no_tier_carries": { "$ref": "#/$defs/shares", "description": "Per month: the share of trials whose load no tier carries." },
            "invalid_values": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["probability", "first"],
                "additionalProperties": false,
                "properties": {
                  "probability": { "$ref": "#/$defs/share", "description": "The share of trials in which it is invalid." },
                  "first": { "$ref": "#/$defs/invalidValue", "description": "Its first occurrence." }
                }
              }
            }
          },
          "$defs": {
            "id": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$" },
            "identifier": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" },
            "share": { "type": "number", "minimum": 0, "maximum": 1 },
            "shares": { "type": "array", "items": { "$ref": "#/$defs/share" } },
            "monthOrNull": { "type": ["integer", "null"], "minimum": 0 },
            "percentiles": {
              "type": "object",
              "description": "P10, P50, P90 and the mean over the trials; null where the rank falls on an invalid value (or, for p95_ms, on a tier without queues), and the mean null as soon as one trial's value is.",
              "required": ["p10", "p50", "p90", "mean"],
              "additionalProperties": false,
              "properties": {
                "p10": { "type": ["number", "null"] },
                "p50": { "type": ["number", "null"] },
                "p90": { "type": ["number", "null"] },
                "mean": { "type": ["number", "null"] }
              }
            },
            "invalidValue": {
              "type": "object",
              "required": ["subject", "expression", "month", "value", "value_text", "expected", "tier", "quantity"],
              "additionalProperties": false,
              "properties": {
                "subject": { "type": "string", "description": "What it is (`cost item 'Supabase' of Starter`)." },
                "expression": { "type": "string" },
                "month": { "type": "integer", "minimum": 0 },
                "value": { "type": ["number", "null"], "description": "null for NaN or an infinity (see value_text)." },
                "value_text": { "type": "string" },
                "expected": { "type": "string", "description": "What a valid value is." },
                "tier": { "oneOf": [{ "$ref": "#/$defs/id" }, { "type": "null" }] },
                "quantity": { "type": "string" }
              }
            }
          }
        }
        """#

    /// `sensitivity --format json` (`SensitivityReport`).
    static let sensitivity = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://scaleplan.dev/schema/output/sensitivity-1.schema.json",
          "title": "scaleplan sensitivity",
          "description": "`scaleplan sensitivity --format json`: every uncertain input of the plan with the target at its low and high end (the swing) and its first-order and total Sobol indices with 95% bootstrap intervals, the largest total index first. Money is in the profile's currency; a month target's values are month indices (the horizon when it never happens).",
          "type": "object",
          "required": ["schema", "overrides", "profile", "growth", "target", "samples", "evaluations", "seed", "months", "start", "confidence_level", "deterministic", "spread", "advice", "inputs"],
          "additionalProperties": false,
          "properties": {
            "schema": { "const": "scaleplan.sensitivity/1" },
            "overrides": \#(ParamOverride.jsonSchema),
            "profile": \#(JSONOutput.profileSchema),
            "growth": { "type": "string", "description": "Where the growth curve came from." },
            "target": {
              "type": "object",
              "required": ["name", "month", "unit", "description"],
              "additionalProperties": false,
              "properties": {
                "name": { "type": "string", "pattern": "^(cost|spend|margin|trigger:.+|tier:.+)$", "description": "As --target takes it." },
                "month": { "type": ["integer", "null"], "minimum": 0, "description": "The month of a cost or margin target; null for the others." },
                "unit": { "enum": ["money", "month"] },
                "description": { "type": "string", "description": "The target in words, as the advice says it." }
              }
            },
            "samples": { "type": "integer", "minimum": 0, "description": "N, the rows of each of Saltelli's matrices A and B." },
            "evaluations": { "type": "integer", "minimum": 0, "description": "Trials run for the indices: N(k + 2) for k inputs." },
            "seed": { "type": "string", "pattern": "^[0-9]+$", "description": "The seed of the design's digital shift and of the bootstrap, a 64-bit unsigned integer as a decimal string." },
            "months": { "type": "integer", "minimum": 1, "description": "The horizon." },
            "start": {
              "oneOf": [{ "type": "string", "pattern": "^[0-9]{4,}-(0[1-9]|1[0-2])$" }, { "type": "null" }],
              "description": "The calendar month of month 0; null when there is none."
            },
            "confidence_level": { "const": 0.95, "description": "The level of every interval." },
            "deterministic": { "type": ["number", "null"], "description": "The target at every input's deterministic value." },
            "spread": {
              "type": "object",
              "required": ["mean", "variance", "low", "high"],
              "additionalProperties": false,
              "description": "The target over the rows of A and B.",
              "properties": {
                "mean": { "type": ["number", "null"] }, "variance": { "type": ["number", "null"] },
                "low": { "type": ["number", "null"] }, "high": { "type": ["number", "null"] }
              }
            },
            "advice": { "type": ["string", "null"], "description": "What to measure first: the input with the largest total index and its share; null when the target does not vary." },
            "inputs": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["name", "kind", "label", "low", "high", "target_at_low", "target_at_high", "swing", "first_order", "first_order_ci", "total", "total_ci"],
                "additionalProperties": false,
                "properties": {
                  "name": { "type": "string", "description": "A param's name, TIER.PARAM for a tier's own, 'growth PARAMETER', or 'TIER / ITEM' for a cost range." },
                  "kind": { "enum": ["param", "tier_param", "growth", "cost"] },
                  "label": { "type": "string" },
                  "low": { "type": ["number", "null"], "description": "The low end of its range (a lognormal's P10); null for a cost whose ends are formulas." },
                  "high": { "type": ["number", "null"], "description": "The high end (a lognormal's P90)." },
                  "target_at_low": { "type": ["number", "null"] },
                  "target_at_high": { "type": ["number", "null"] },
                  "swing": { "type": ["number", "null"], "minimum": 0, "description": "|target_at_high − target_at_low|." },
                  "first_order": { "type": ["number", "null"], "description": "Saltelli 2010's first-order estimate; null when there are no samples or the target does not vary." },
                  "first_order_ci": { "$ref": "#/$defs/interval" },
                  "total": { "type": ["number", "null"], "description": "Jansen's total-effect estimate." },
                  "total_ci": { "$ref": "#/$defs/interval" }
                }
              }
            }
          },
          "$defs": {
            "interval": {
              "oneOf": [
                { "type": "array", "items": { "type": ["number", "null"] }, "minItems": 2, "maxItems": 2 },
                { "type": "null" }
              ],
              "description": "The 95% percentile-bootstrap interval [low, high]."
            }
          }
        }
        """#

    /// `capacity --format json` (`CapacityReport.json`).
    static let capacity = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://scaleplan.dev/schema/output/capacity-1.schema.json",
          "title": "scaleplan capacity",
          "description": "`scaleplan capacity --format json`: how much of the driver each tier's limits carry. Utilisation is a fraction (1 = at the limit).",
          "type": "object",
          "required": ["overrides", "schema", "profile", "driver", "tiers"],
          "additionalProperties": false,
          "properties": {
            "overrides": \#(ParamOverride.jsonSchema),
            "schema": { "const": "scaleplan.capacity/1" },
            "profile": { "$ref": "#/$defs/id", "description": "The profile's id." },
            "driver": { "$ref": "#/$defs/identifier", "description": "The driver's name." },
            "tiers": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["id", "min", "max", "range_derived", "carries_up_to", "unbounded", "binding", "at_declared_max", "headroom", "non_monotone"],
                "additionalProperties": false,
                "properties": {
                  "id": { "$ref": "#/$defs/id" },
                  "min": { "type": "number", "description": "The tier's declared range, [min, max)." },
                  "max": { "type": ["number", "null"], "description": "null for the open-ended last tier." },
                  "range_derived": { "type": "boolean", "description": "The range is derived from capacity (tier_selection capacity), so there is no declared maximum: at_declared_max and headroom are null." },
                  "carries_up_to": {
                    "type": ["number", "null"],
                    "description": "The largest whole driver value at which every limit holds, from the minimum up; null when the tier fails at its minimum or is unbounded."
                  },
                  "unbounded": { "type": "boolean", "description": "No limit binds (or the tier has no limits)." },
                  "binding": {
                    "oneOf": [{ "$ref": "#/$defs/limitUse" }, { "type": "null" }],
                    "description": "The limit that fails one above carries_up_to (or at the minimum)."
                  },
                  "at_declared_max": {
                    "oneOf": [{ "$ref": "#/$defs/limitUse" }, { "type": "null" }],
                    "description": "The most-used limit at the declared maximum; null without one."
                  },
                  "headroom": {
                    "type": ["number", "null"],
                    "description": "(carries_up_to − max) / max, a fraction; negative when the tier runs out inside its own range."
                  },
                  "non_monotone": { "type": ["string", "null"], "description": "Set when the limits are not monotone in the driver: what was seen." }
                }
              }
            }
          },
          "$defs": {
            "id": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$" },
            "identifier": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" },
            "limitUse": {
              "type": "object",
              "required": ["name", "value", "limit", "utilization"],
              "additionalProperties": false,
              "properties": {
                "name": { "$ref": "#/$defs/identifier" },
                "value": { "type": ["number", "null"] },
                "limit": { "type": ["number", "null"] },
                "utilization": { "type": ["number", "null"], "description": "value / limit." }
              }
            }
          }
        }
        """#

    /// `check --observed FILE --format json` (`CheckReport.json`).
    static let check = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://scaleplan.dev/schema/output/check-2.schema.json",
          "title": "scaleplan check",
          "description": "`scaleplan check --observed FILE --format json` (or `--prometheus URL`): the triggers of the active tier and the global ones that fire on the observed values, and the values they read.",
          "type": "object",
          "required": ["overrides", "schema", "profile", "tier", "tier_from", "load_carried", "fail_on", "failed", "reason", "firing", "quiet", "month", "moves", "values", "observed_from", "unobserved"],
          "additionalProperties": false,
          "properties": {
            "overrides": \#(ParamOverride.jsonSchema),
            "schema": { "const": "scaleplan.check/2" },
            "profile": { "$ref": "#/$defs/id", "description": "The profile's id." },
            "tier": { "$ref": "#/$defs/id", "description": "The active tier." },
            "tier_from": { "enum": ["driver", "capacity", "option"], "description": "How the active tier was chosen: the range holding the observed driver, the lowest tier whose limits carry the observed load (tier_selection capacity), or --tier." },
            "load_carried": { "type": "boolean", "description": "Some tier's limits carry the observed load; false is a plan gap (by capacity the last tier is then checked)." },
            "fail_on": { "$ref": "#/$defs/severity", "description": "The --fail-on severity." },
            "failed": { "type": "boolean", "description": "A trigger at or above fail_on fires." },
            "reason": { "type": ["string", "null"], "description": "Why the check fails; null when it passes." },
            "firing": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["id", "tier", "severity", "action", "quantity", "value", "threshold"],
                "additionalProperties": false,
                "properties": {
                  "id": { "$ref": "#/$defs/id" },
                  "tier": { "oneOf": [{ "$ref": "#/$defs/id" }, { "type": "null" }], "description": "The tier that owns it; null for a global trigger." },
                  "severity": { "$ref": "#/$defs/severity" },
                  "action": { "type": "string" },
                  "quantity": { "type": ["string", "null"], "description": "The compared quantity, when the condition has a comparison that holds." },
                  "value": { "type": ["number", "null"] },
                  "threshold": { "type": ["number", "null"] }
                }
              }
            },
            "quiet": { "type": "array", "description": "Ids of the checked triggers that do not fire.", "items": { "$ref": "#/$defs/id" } },
            "month": { "type": "integer", "minimum": 0, "description": "The month the check stands in: an observed month, else the month the default scenario reaches the observed driver, else 0." },
            "moves": {
              "type": "array",
              "description": "With --trials: each move into a tier above the active one, with its safe start date from a Monte Carlo of the default scenario; empty otherwise.",
              "items": {
                "type": "object",
                "required": ["tier", "confidence", "start_by", "start_by_p50", "months_left", "advice"],
                "additionalProperties": false,
                "properties": {
                  "tier": { "$ref": "#/$defs/id" },
                  "confidence": { "type": "number", "minimum": 0.5, "maximum": 0.999 },
                  "start_by": { "type": ["integer", "null"], "description": "The latest month to start so the move is ready in time in `confidence` of the trials; null: not needed within the horizon." },
                  "start_by_p50": { "type": ["integer", "null"] },
                  "months_left": { "type": ["integer", "null"], "description": "start_by minus the check's month; negative: late." },
                  "advice": { "type": "string" }
                }
              }
            },
            "values": {
              "type": "array",
              "description": "The values the triggers read, observed or derived from the model.",
              "items": {
                "type": "object",
                "required": ["name", "value", "observed", "derivation"],
                "additionalProperties": false,
                "properties": {
                  "name": { "type": "string", "description": "A name of the trigger context (`users`, `cost`, `utilization.db_connections`, `latency.api`)." },
                  "value": { "type": ["number", "null"] },
                  "observed": { "type": "boolean", "description": "true when given in --observed or read from Prometheus, false when derived." },
                  "derivation": { "type": ["string", "null"], "description": "For a derived stock, where its value comes from: the default scenario's projection at a month (`scenario base, month 14`); null otherwise." }
                }
              }
            },
            "observed_from": { "type": ["string", "null"], "description": "Where the observed values came from: the --observed file (`-` for standard input) or `Prometheus http://host:port`." },
            "unobserved": {
              "type": "array",
              "description": "Names monitoring was asked for that gave no single number (no series, several, NaN, a range vector): their values are derived from the model.",
              "items": {
                "type": "object",
                "required": ["name", "reason", "query"],
                "additionalProperties": false,
                "properties": {
                  "name": { "type": "string" },
                  "reason": { "type": "string" },
                  "query": { "type": ["string", "null"], "description": "The PromQL query, when read live." }
                }
              }
            }
          },
          "if": { "properties": { "failed": { "const": true } } },
          "then": { "properties": { "reason": { "type": "string" } } },
          "else": { "properties": { "reason": { "type": "null" } } },
          "$defs": {
            "id": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$" },
            "severity": { "enum": ["info", "warning", "critical"] }
          }
        }
        """#

    /// `diff PROFILE TIER_A TIER_B --format json` (`TierDiffReport.json`).
    static let tierdiff = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://scaleplan.dev/schema/output/tierdiff-1.schema.json",
          "title": "scaleplan tier diff",
          "description": "`scaleplan diff PROFILE TIER_A TIER_B --format json`: what changes when a plan moves from one tier to another, with costs and limits evaluated at one driver value. Amounts are monthly, in the profile's currency.",
          "type": "object",
          "required": ["overrides", "schema", "profile", "from", "to", "driver", "currency", "costs", "total", "limits", "slo", "capacity"],
          "additionalProperties": false,
          "properties": {
            "overrides": \#(ParamOverride.jsonSchema),
            "schema": { "const": "scaleplan.tierdiff/1" },
            "profile": { "$ref": "#/$defs/id", "description": "The profile's id." },
            "from": { "$ref": "#/$defs/id", "description": "The tier moved from." },
            "to": { "$ref": "#/$defs/id", "description": "The tier moved to." },
            "driver": { "type": "number", "description": "The driver value costs and limits are evaluated at (by default the higher of the two tiers' minimums)." },
            "currency": { "type": "string", "pattern": "^[A-Z]{3}$" },
            "costs": {
              "type": "array",
              "description": "Cost items matched by category and name; a removed and an added item of one category are paired as a change (`Railway Hobby → Railway Pro`).",
              "items": {
                "type": "object",
                "required": ["change", "category", "item", "before", "after", "delta"],
                "additionalProperties": false,
                "properties": {
                  "change": { "$ref": "#/$defs/change" },
                  "category": { "type": "string", "pattern": "^[a-z][a-z0-9_]*$" },
                  "item": { "type": "string" },
                  "before": { "oneOf": [{ "$ref": "#/$defs/lowHigh" }, { "type": "null" }], "description": "null for an added item." },
                  "after": { "oneOf": [{ "$ref": "#/$defs/lowHigh" }, { "type": "null" }], "description": "null for a removed item." },
                  "delta": { "$ref": "#/$defs/lowHigh", "description": "after − before, a missing side counting as 0." }
                },
                "allOf": [
                  {
                    "if": { "properties": { "change": { "const": "added" } } },
                    "then": { "properties": { "before": { "type": "null" }, "after": { "type": "object" } } }
                  },
                  {
                    "if": { "properties": { "change": { "const": "removed" } } },
                    "then": { "properties": { "before": { "type": "object" }, "after": { "type": "null" } } }
                  },
                  {
                    "if": { "properties": { "change": { "enum": ["changed", "unchanged"] } } },
                    "then": { "properties": { "before": { "type": "object" }, "after": { "type": "object" } } }
                  }
                ]
              }
            },
            "total": {
              "type": "object",
              "description": "The sums of the items' amounts.",
              "required": ["before", "after", "delta"],
              "additionalProperties": false,
              "properties": {
                "before": { "$ref": "#/$defs/lowHigh" },
                "after": { "$ref": "#/$defs/lowHigh" },
                "delta": { "$ref": "#/$defs/lowHigh" }
              }
            },
            "limits": {
              "type": "array",
              "description": "Limits by the metric they limit, before → after.",
              "items": {
                "type": "object",
                "required": ["change", "metric", "before", "after", "percent"],
                "additionalProperties": false,
                "properties": {
                  "change": { "$ref": "#/$defs/change" },
                  "metric": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" },
                  "before": { "type": ["number", "null"], "description": "null for an added limit." },
                  "after": { "type": ["number", "null"], "description": "null for a removed limit." },
                  "percent": {
                    "type": ["number", "null"],
                    "description": "The relative change (after − before) / before as a fraction, despite its name (9 is +900%); null unless both sides exist and before is not 0."
                  }
                },
                "allOf": [
                  { "if": { "properties": { "change": { "const": "added" } } }, "then": { "properties": { "before": { "type": "null" }, "percent": { "type": "null" } } } },
                  { "if": { "properties": { "change": { "const": "removed" } } }, "then": { "properties": { "after": { "type": "null" }, "percent": { "type": "null" } } } }
                ]
              }
            },
            "slo": {
              "type": "array",
              "description": "The SLO fields either tier sets, before → after.",
              "items": {
                "type": "object",
                "required": ["name", "before", "after"],
                "additionalProperties": false,
                "properties": {
                  "name": { "enum": ["p95_ms", "uptime_pct"] },
                  "before": { "type": ["number", "null"], "description": "p95 in ms, or uptime in percent; null when the tier sets none." },
                  "after": { "type": ["number", "null"] }
                }
              }
            },
            "capacity": {
              "type": "object",
              "required": ["from", "to"],
              "additionalProperties": false,
              "properties": {
                "from": { "$ref": "#/$defs/capacity" },
                "to": { "$ref": "#/$defs/capacity" }
              }
            }
          },
          "$defs": {
            "id": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$" },
            "change": { "enum": ["added", "removed", "changed", "unchanged"] },
            "lowHigh": {
              "type": "object",
              "description": "A monthly amount, low and high end.",
              "required": ["low", "high"],
              "additionalProperties": false,
              "properties": {
                "low": { "type": ["number", "null"] },
                "high": { "type": ["number", "null"] }
              }
            },
            "capacity": {
              "type": "object",
              "description": "How far the tier's limits carry the driver (as in `capacity`).",
              "required": ["carries_up_to", "unbounded", "binding"],
              "additionalProperties": false,
              "properties": {
                "carries_up_to": { "type": ["number", "null"], "description": "null when the tier fails at its minimum or is unbounded." },
                "unbounded": { "type": "boolean" },
                "binding": { "type": ["string", "null"], "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "description": "The name of the limit that binds." }
              }
            }
          }
        }
        """#

    /// `diff OLD.json NEW.json --format json` (`PlanDiffReport.json`).
    static let plandiff = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://scaleplan.dev/schema/output/plandiff-1.schema.json",
          "title": "scaleplan plan diff",
          "description": "`scaleplan diff OLD.json NEW.json --format json`: what changed between two versions of a plan and what that does to the projection along the new version's default scenario. Amounts are monthly, in the new version's currency.",
          "type": "object",
          "required": ["overrides", "schema", "old", "new", "currency", "changes", "growth", "months", "cost_at_horizon", "failed", "reason", "triggers", "gaps_appearing", "gaps_disappearing"],
          "additionalProperties": false,
          "properties": {
            "overrides": \#(ParamOverride.jsonSchema),
            "schema": { "const": "scaleplan.plandiff/1" },
            "old": { "$ref": "#/$defs/id", "description": "The old version's profile id." },
            "new": { "$ref": "#/$defs/id", "description": "The new version's profile id." },
            "currency": { "type": "string", "pattern": "^[A-Z]{3}$" },
            "changes": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["change", "kind", "name", "before", "after"],
                "additionalProperties": false,
                "properties": {
                  "change": { "enum": ["added", "removed", "changed"] },
                  "kind": { "enum": ["currency", "tier_selection", "param", "metric", "revenue", "tier", "limit", "cost", "tier param", "migration", "trigger", "scenario"] },
                  "name": { "type": "string", "description": "What changed: a param or metric name, a tier id, `tier.metric` for a limit, `tier: item` for a cost." },
                  "before": { "type": ["string", "null"], "description": "The old value as text; null when added." },
                  "after": { "type": ["string", "null"], "description": "The new value as text; null when removed." }
                },
                "allOf": [
                  { "if": { "properties": { "change": { "const": "added" } } }, "then": { "properties": { "before": { "type": "null" }, "after": { "type": "string" } } } },
                  { "if": { "properties": { "change": { "const": "removed" } } }, "then": { "properties": { "before": { "type": "string" }, "after": { "type": "null" } } } },
                  { "if": { "properties": { "change": { "const": "changed" } } }, "then": { "properties": { "before": { "type": "string" }, "after": { "type": "string" } } } }
                ]
              }
            },
            "growth": { "type": "string", "description": "The growth both versions were projected along (`scenario seed of the new version`, or `constant`)." },
            "months": { "type": "integer", "minimum": 1, "description": "The horizon; the costs are at its last month." },
            "cost_at_horizon": {
              "type": "object",
              "required": ["before", "after", "increase"],
              "additionalProperties": false,
              "properties": {
                "before": { "$ref": "#/$defs/cost" },
                "after": { "$ref": "#/$defs/cost" },
                "increase": { "type": ["number", "null"], "description": "after.expected − before.expected." }
              }
            },
            "failed": { "type": "boolean", "description": "The increase exceeds the --fail-on-increase limit (false without one)." },
            "reason": { "type": ["string", "null"], "description": "Why it fails; null when it does not." },
            "triggers": {
              "type": "array",
              "description": "Triggers whose first firing month differs between the versions.",
              "items": {
                "type": "object",
                "required": ["id", "before", "after"],
                "additionalProperties": false,
                "properties": {
                  "id": { "$ref": "#/$defs/id" },
                  "before": { "type": ["integer", "null"], "minimum": 0, "description": "The first month it fires in the old version; null when it does not." },
                  "after": { "type": ["integer", "null"], "minimum": 0, "description": "The first month it fires in the new version; null when it does not." }
                }
              }
            },
            "gaps_appearing": { "type": "array", "description": "Plan gaps only the new version has.", "items": { "$ref": "#/$defs/gap" } },
            "gaps_disappearing": { "type": "array", "description": "Plan gaps only the old version has.", "items": { "$ref": "#/$defs/gap" } }
          },
          "if": { "properties": { "failed": { "const": true } } },
          "then": { "properties": { "reason": { "type": "string" } } },
          "else": { "properties": { "reason": { "type": "null" } } },
          "$defs": {
            "id": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$" },
            "cost": {
              "type": "object",
              "description": "Monthly cost, low / expected / high.",
              "required": ["low", "expected", "high"],
              "additionalProperties": false,
              "properties": {
                "low": { "type": ["number", "null"] },
                "expected": { "type": ["number", "null"] },
                "high": { "type": ["number", "null"] }
              }
            },
            "gap": {
              "type": "object",
              "required": ["month", "kind", "tier", "message"],
              "additionalProperties": false,
              "properties": {
                "month": { "type": "integer", "minimum": 0 },
                "kind": { "enum": ["no-tier-carries", "tier-over-capacity", "slo-missed"] },
                "tier": { "oneOf": [{ "$ref": "#/$defs/id" }, { "type": "null" }] },
                "message": { "type": "string" }
              }
            }
          }
        }
        """#

    /// `list --format json` (`ListReport.json`).
    static let list = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://scaleplan.dev/schema/output/list-1.schema.json",
          "title": "scaleplan list",
          "description": "`scaleplan list --format json`: the bundled profiles.",
          "type": "object",
          "required": ["schema", "profiles"],
          "additionalProperties": false,
          "properties": {
            "schema": { "const": "scaleplan.list/1" },
            "profiles": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["id", "name", "driver", "tiers", "range"],
                "additionalProperties": false,
                "properties": {
                  "id": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$" },
                  "name": { "type": "string" },
                  "driver": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "description": "The driver's name." },
                  "tiers": { "type": "integer", "minimum": 0, "description": "The number of tiers." },
                  "range": {
                    "type": "object",
                    "description": "The driver range the tiers cover: the first tier's minimum to the last's maximum.",
                    "required": ["min", "max"],
                    "additionalProperties": false,
                    "properties": {
                      "min": { "type": "number" },
                      "max": { "type": ["number", "null"], "description": "null when the last tier is open-ended." }
                    }
                  }
                }
              }
            }
          }
        }
        """#

    /// `optimize --format json` (`OptimizeReport.json`).
    static let optimize = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://scaleplan.dev/schema/output/optimize-1.schema.json",
          "title": "scaleplan optimize",
          "description": "`scaleplan optimize --format json`: the cheapest schedule through the plan's tiers and their options that carries the load every month, its moves, and its expected total cost (monthly costs plus one-off migration costs, discounted) against the plan's own path. Money is in the profile's currency; months are indices from 0.",
          "type": "object",
          "required": ["schema", "overrides", "profile", "growth", "months", "start", "trials", "confidence", "seed", "discount_rate", "total_expected_cost", "plan_total_expected_cost", "saving", "plan_gaps", "gaps", "advice", "schedule", "moves", "options_considered"],
          "additionalProperties": false,
          "$defs": {
            "way": {
              "type": "object",
              "required": ["tier", "option"],
              "additionalProperties": false,
              "properties": {
                "tier": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$", "description": "The plan tier's id." },
                "option": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$", "description": "Which way of running it: the tier's own option (\"planned\" unless the profile names it) or one of its options." }
              }
            },
            "month": { "type": "integer", "minimum": 0 },
            "money": { "type": ["number", "null"] }
          },
          "properties": {
            "schema": { "const": "scaleplan.optimize/1" },
            "overrides": \#(ParamOverride.jsonSchema),
            "profile": \#(JSONOutput.profileSchema),
            "growth": { "type": "string", "description": "Where the growth curve came from." },
            "months": { "type": "integer", "minimum": 1, "description": "The horizon: months 0 to months − 1." },
            "start": { "type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}$", "description": "The calendar month of month 0." },
            "trials": { "type": "integer", "minimum": 0, "description": "Monte Carlo trials; 0 for the deterministic run." },
            "confidence": { "type": "number", "minimum": 0.5, "maximum": 1, "description": "The share of trials each month's choice must carry (1 in the deterministic run)." },
            "seed": { "type": ["string", "null"], "pattern": "^[0-9]+$", "description": "The random seed with trials, as a string (a 64-bit integer); null without." },
            "discount_rate": { "type": "number", "minimum": 0, "maximum": 1, "description": "The annual discount rate." },
            "total_expected_cost": { "$ref": "#/$defs/money", "description": "The schedule's total: monthly costs plus one-off costs, discounted." },
            "plan_total_expected_cost": { "$ref": "#/$defs/money", "description": "The plan's own path's total, on the same trials." },
            "saving": { "$ref": "#/$defs/money", "description": "plan_total_expected_cost − total_expected_cost (negative when the plan's own path is cheaper because it does not carry the load)." },
            "plan_gaps": { "type": "array", "items": { "$ref": "#/$defs/month" }, "description": "Months the plan's own path does not carry the load (with the confidence)." },
            "gaps": { "type": "array", "items": { "$ref": "#/$defs/month" }, "description": "Months the schedule does not carry the load: empty unless --allow-gaps, when no schedule can." },
            "advice": { "type": "array", "items": { "type": "string" }, "description": "The decision in sentences: which option of each tier with options, and when to start each move." },
            "schedule": {
              "type": "array",
              "minItems": 1,
              "description": "One entry per month, in order from month 0.",
              "items": {
                "type": "object",
                "required": ["month", "label", "tier", "option", "carries_probability", "expected_cost"],
                "additionalProperties": false,
                "properties": {
                  "month": { "$ref": "#/$defs/month" },
                  "label": { "type": "string", "description": "2026-03, or M3 without a start month." },
                  "tier": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$" },
                  "option": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$" },
                  "carries_probability": { "type": "number", "minimum": 0, "maximum": 1, "description": "The share of trials in which it carries the load (0 or 1 in the deterministic run)." },
                  "expected_cost": { "$ref": "#/$defs/money", "description": "Its expected monthly cost (not discounted)." }
                }
              }
            },
            "moves": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["start_month", "done_month", "from", "to", "lead_time_months", "one_off_cost"],
                "additionalProperties": false,
                "properties": {
                  "start_month": { "$ref": "#/$defs/month", "description": "When the move must start: its lead time before done_month." },
                  "done_month": { "$ref": "#/$defs/month", "description": "The first month on the new tier." },
                  "from": { "$ref": "#/$defs/way" },
                  "to": { "$ref": "#/$defs/way" },
                  "lead_time_months": { "type": "integer", "minimum": 0, "description": "Whole months: the high end, or with trials the quantile at the confidence, rounded up." },
                  "one_off_cost": { "$ref": "#/$defs/money", "description": "The expected one-off cost, paid in start_month." }
                }
              }
            },
            "options_considered": {
              "type": "array",
              "description": "For each tier with options, each way of running it and the cheapest schedule's total when it is the one taken.",
              "items": {
                "type": "object",
                "required": ["tier", "option", "name", "planned", "chosen", "total_expected_cost", "note"],
                "additionalProperties": false,
                "properties": {
                  "tier": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$" },
                  "option": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$" },
                  "name": { "type": "string" },
                  "planned": { "type": "boolean", "description": "Whether it is the tier as written." },
                  "chosen": { "type": "boolean", "description": "Whether the cheapest schedule runs on it." },
                  "total_expected_cost": { "$ref": "#/$defs/money", "description": "Null when no schedule through it carries the load as well (note says why)." },
                  "note": { "type": ["string", "null"] }
                }
              }
            }
          }
        }
        """#

    /// `show --format json` (`ProfileSummary.json`).
    static let show = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://scaleplan.dev/schema/output/show-1.schema.json",
          "title": "scaleplan show",
          "description": "`scaleplan show PROFILE --format json`: the profile as written, with each tier's costs and limits evaluated at its range. Amounts are monthly, in the profile's currency unless an item names another; numbers evaluated by the model are null when not finite.",
          "type": "object",
          "required": ["schema", "id", "name", "description", "source", "driver", "currency", "fx", "tier_selection", "allow_downgrade", "components", "params", "metrics", "revenue", "tiers", "triggers", "scenarios", "notes", "observe"],
          "additionalProperties": false,
          "properties": {
            "schema": { "const": "scaleplan.show/1" },
            "id": { "$ref": "#/$defs/id" },
            "name": { "type": "string" },
            "description": { "type": ["string", "null"] },
            "source": { "type": ["string", "null"], "description": "Where the figures come from." },
            "driver": {
              "type": "object",
              "required": ["name", "unit", "label"],
              "additionalProperties": false,
              "properties": {
                "name": { "$ref": "#/$defs/identifier" },
                "unit": { "type": "string" },
                "label": { "type": "string" }
              }
            },
            "currency": { "$ref": "#/$defs/currency" },
            "fx": {
              "type": "object",
              "description": "Value of one unit of a foreign currency in the profile's currency, by code, sorted.",
              "propertyNames": { "$ref": "#/$defs/currency" },
              "additionalProperties": { "type": "number" }
            },
            "tier_selection": { "enum": ["range", "capacity"], "description": "How each month's plan tier is chosen: by the driver's range, or the lowest tier that carries the load." },
            "allow_downgrade": { "type": "boolean", "description": "Whether `optimize` may move the path to a lower tier." },
            "components": { "type": "array", "description": "The names of the shared components, in declaration order.", "items": { "$ref": "#/$defs/id" } },
            "params": { "type": "array", "items": { "$ref": "#/$defs/param" } },
            "metrics": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["name", "expression", "stock", "unit", "label", "assumption", "source"],
                "additionalProperties": false,
                "properties": {
                  "name": { "$ref": "#/$defs/identifier" },
                  "expression": { "type": "string", "description": "The formula; for a stock, the amount added each month." },
                  "stock": {
                    "description": "For a stock: its value before month 0 (its value in month t is initial plus the sum of the expression over months 0…t); null for a metric.",
                    "oneOf": [{ "type": "object", "required": ["initial"], "additionalProperties": false, "properties": { "initial": { "type": "number" } } }, { "type": "null" }]
                  },
                  "unit": { "type": ["string", "null"] },
                  "label": { "type": ["string", "null"] },
                  "assumption": { "type": ["string", "null"] },
                  "source": { "type": ["string", "null"] }
                }
              }
            },
            "revenue": { "type": ["string", "null"], "description": "The monthly revenue expression; null when the plan does not model revenue." },
            "tiers": { "type": "array", "items": { "$ref": "#/$defs/tier" } },
            "triggers": { "type": "array", "description": "Triggers that apply in every tier.", "items": { "$ref": "#/$defs/trigger" } },
            "scenarios": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["id", "name", "default", "growth", "months", "start", "params"],
                "additionalProperties": false,
                "properties": {
                  "params": {
                    "type": "array",
                    "description": "The params the scenario sets for its projection, in declaration order.",
                    "items": {
                      "type": "object", "required": ["name", "value"], "additionalProperties": false,
                      "properties": { "name": { "$ref": "#/$defs/identifier" }, "value": { "type": "string", "description": "As reports describe it: 0.05, or 10 – 20 (uniform)." } }
                    }
                  },
                  "id": { "$ref": "#/$defs/id" },
                  "name": { "type": ["string", "null"] },
                  "default": { "type": "boolean" },
                  "growth": { "enum": ["exponential", "linear", "logistic", "gompertz", "points", "constant", "csv"], "description": "The kind of growth curve." },
                  "months": { "type": ["integer", "null"], "minimum": 1 },
                  "start": { "oneOf": [{ "type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$" }, { "type": "null" }] }
                }
              }
            },
            "notes": { "$ref": "#/$defs/notes" },
            "observe": {
              "type": "array",
              "description": "How monitoring measures the plan (the profile's observe), in profile order.",
              "items": {
                "type": "object",
                "required": ["name", "query", "example", "note"],
                "additionalProperties": false,
                "properties": {
                  "name": { "type": "string", "description": "The driver, an observed param, a metric or a trigger quantity." },
                  "query": { "type": "string", "description": "The PromQL instant query." },
                  "example": { "type": "boolean", "description": "Written as an example to adapt." },
                  "note": { "type": ["string", "null"] }
                }
              }
            }
          },
          "$defs": {
            "id": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$" },
            "identifier": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" },
            "currency": { "type": "string", "pattern": "^[A-Z]{3}$" },
            "notes": { "type": "array", "items": { "type": "string" } },
            "numberRange": {
              "type": "object",
              "required": ["low", "high"],
              "additionalProperties": false,
              "properties": {
                "low": { "type": "number" },
                "mode": { "type": "number", "description": "The most likely value, when given (lead times)." },
                "high": { "type": "number" }
              }
            },
            "param": {
                "type": "object",
                "required": ["name", "value", "unit", "label", "assumption", "source", "observed"],
                "additionalProperties": false,
                "properties": {
                  "name": { "$ref": "#/$defs/identifier" },
                  "value": {
                    "type": "object",
                    "required": ["distribution", "low", "mode", "high", "expected"],
                    "additionalProperties": false,
                    "properties": {
                      "distribution": { "enum": ["fixed", "triangular", "uniform", "lognormal"] },
                      "low": { "type": "number" },
                      "mode": { "type": ["number", "null"] },
                      "high": { "type": "number" },
                      "expected": { "type": ["number", "null"], "description": "The value a deterministic run uses: the mode, else the midpoint (uniform) or √(low·high) (lognormal)." }
                    }
                  },
                  "unit": { "type": ["string", "null"] },
                  "label": { "type": ["string", "null"] },
                  "assumption": { "type": ["string", "null"] },
                  "source": { "type": ["string", "null"] },
                  "observed": { "type": "boolean", "description": "Only monitoring can measure it; the model holds it at its value." }
                }
              },
            "optionalRange": { "oneOf": [{ "$ref": "#/$defs/numberRange" }, { "type": "null" }] },
            "trigger": {
              "type": "object",
              "required": ["id", "severity", "condition", "action", "target", "component"],
              "additionalProperties": false,
              "properties": {
                "id": { "$ref": "#/$defs/id" },
                "severity": { "enum": ["info", "warning", "critical"] },
                "condition": { "type": "string", "description": "The condition in one line; `any` and `all` parts joined with or / and." },
                "action": { "type": "string" },
                "target": { "oneOf": [{ "$ref": "#/$defs/id" }, { "type": "null" }], "description": "The tier the action moves to." },
                "component": { "type": ["string", "null"], "description": "The component this comes from, when the tier includes it by `use`." }
              }
            },
            "tier": {
              "type": "object",
              "required": ["id", "name", "source", "range", "params", "use", "timeline", "capacity", "costs", "total", "slo", "queues", "triggers", "migration", "team", "notes", "option", "skippable", "options"],
              "additionalProperties": false,
              "properties": {
                "id": { "$ref": "#/$defs/id", "description": "The tier's id; in `options`, the option's (the tier and option together are `tier/option` where a tier id is expected, as in `diff`)." },
                "option": {
                  "type": "object",
                  "description": "The way this entry runs the tier: the tier as written (default id \"planned\") or one of its options.",
                  "required": ["id", "name"],
                  "additionalProperties": false,
                  "properties": { "id": { "$ref": "#/$defs/id" }, "name": { "type": ["string", "null"] } }
                },
                "skippable": { "type": "boolean", "description": "Whether `optimize` may pass the tier by." },
                "options": { "type": "array", "description": "The tier's other ways to run (each with its costs and limits evaluated at the tier's range); empty in an option.", "items": { "$ref": "#/$defs/tier" } },
                "name": { "type": "string" },
                "source": { "type": ["string", "null"] },
                "range": {
                  "type": "object",
                  "description": "The driver range [min, max).",
                  "required": ["min", "max", "derived"],
                  "additionalProperties": false,
                  "properties": {
                    "min": { "type": "number" },
                    "max": { "type": ["number", "null"], "description": "null for the open-ended last tier." },
                    "derived": { "type": "boolean", "description": "Worked out from capacity (tier_selection capacity without ranges): the driver values this tier is the lowest to carry." }
                  }
                },
                "params": { "type": "array", "description": "Params the tier adds or overrides while it is evaluated.", "items": { "$ref": "#/$defs/param" } },
                "use": { "type": "array", "description": "The components the tier includes, in order.", "items": { "$ref": "#/$defs/id" } },
                "timeline": {
                  "description": "Planned months of the tier, counted from the plan's start.",
                  "oneOf": [
                    {
                      "type": "object",
                      "required": ["start", "end", "label"],
                      "additionalProperties": false,
                      "properties": {
                        "start": { "type": "number" },
                        "end": { "type": ["number", "null"] },
                        "label": { "type": ["string", "null"] }
                      }
                    },
                    { "type": "null" }
                  ]
                },
                "capacity": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": ["metric", "limit", "headroom", "primary", "formula", "label", "source", "component"],
                    "additionalProperties": false,
                    "properties": {
                      "metric": { "$ref": "#/$defs/identifier" },
                      "limit": { "type": ["number", "null"], "description": "The limit checked (the profile's limit × (1 + headroom)), evaluated at the tier's minimum." },
                      "headroom": { "type": "number", "minimum": 0, "description": "How far over the profile's limit still fits (0.15 = 15%)." },
                      "primary": { "type": "boolean", "description": "Whether this limit sizes the tier (the bottleneck unless another is clearly more utilised)." },
                      "formula": { "type": ["string", "null"], "description": "The expression, for a limit that is not a constant." },
                      "label": { "type": ["string", "null"] },
                      "source": { "type": ["string", "null"] },
                      "component": { "type": ["string", "null"], "description": "The component this comes from, when the tier includes it by `use`." }
                    }
                  }
                },
                "costs": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": ["item", "category", "low", "high", "formula", "usage_priced", "currency", "source", "note", "credit", "component"],
                    "additionalProperties": false,
                    "properties": {
                      "item": { "type": "string" },
                      "category": { "type": "string", "pattern": "^[a-z][a-z0-9_]*$" },
                      "low": { "type": ["number", "null"], "description": "Monthly amount at the tier's minimum, low end, in the profile's currency." },
                      "high": { "type": ["number", "null"], "description": "Monthly amount at the tier's maximum (its minimum when open-ended), high end." },
                      "formula": { "type": ["string", "null"], "description": "The expression, for an amount that is one." },
                      "usage_priced": { "type": "boolean", "description": "The amount changes with the driver." },
                      "currency": { "oneOf": [{ "$ref": "#/$defs/currency" }, { "type": "null" }], "description": "The currency the amount is written in, when not the profile's." },
                      "source": { "type": ["string", "null"] },
                      "note": { "type": ["string", "null"] },
                      "credit": { "type": "boolean", "description": "Subtracted from the total (a discount or credit): low and high are then ≤ 0." },
                      "component": { "type": ["string", "null"], "description": "The component this comes from, when the tier includes it by `use`." }
                    }
                  }
                },
                "total": {
                  "type": "object",
                  "required": ["low", "high", "low_at", "high_at"],
                  "additionalProperties": false,
                  "properties": {
                    "low": { "type": ["number", "null"], "description": "Sum of the items' low amounts." },
                    "high": { "type": ["number", "null"], "description": "Sum of the items' high amounts." },
                    "low_at": { "type": "number", "description": "The driver value the low amounts are evaluated at." },
                    "high_at": { "type": "number", "description": "The driver value the high amounts are evaluated at." }
                  }
                },
                "slo": {
                  "type": "object",
                  "required": ["p95_ms", "uptime_pct"],
                  "additionalProperties": false,
                  "properties": {
                    "p95_ms": { "type": ["number", "null"], "description": "p95 latency target in ms." },
                    "uptime_pct": { "type": ["number", "null"], "description": "Uptime target in percent." }
                  }
                },
                "queues": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": ["name", "servers", "service_ms", "arrivals_per_second", "p95_ms", "component"],
                    "additionalProperties": false,
                    "properties": {
                      "name": { "$ref": "#/$defs/identifier" },
                      "servers": { "type": "string", "description": "The number of servers as written: a number or an expression, as text." },
                      "service_ms": { "type": "string", "description": "Mean service time in ms as written: a number or an expression, as text." },
                      "arrivals_per_second": { "type": "string", "description": "The arrival-rate expression (requests per second)." },
                      "p95_ms": { "type": ["number", "null"], "description": "A p95 target in ms overriding the tier's SLO." },
                      "component": { "type": ["string", "null"], "description": "The component this comes from, when the tier includes it by `use`." }
                    }
                  }
                },
                "triggers": { "type": "array", "items": { "$ref": "#/$defs/trigger" } },
                "migration": {
                  "description": "Moving into this tier.",
                  "oneOf": [
                    {
                      "type": "object",
                      "required": ["lead_time_months", "downtime_minutes", "cost", "note"],
                      "additionalProperties": false,
                      "properties": {
                        "lead_time_months": { "$ref": "#/$defs/optionalRange" },
                        "downtime_minutes": { "$ref": "#/$defs/optionalRange" },
                        "cost": { "$ref": "#/$defs/optionalRange", "description": "The move's one-off cost, paid when it starts." },
                        "note": { "type": ["string", "null"] }
                      }
                    },
                    { "type": "null" }
                  ]
                },
                "team": {
                  "oneOf": [
                    {
                      "type": "object",
                      "required": ["headcount", "burn", "currency", "hires"],
                      "additionalProperties": false,
                      "properties": {
                        "headcount": { "$ref": "#/$defs/optionalRange" },
                        "burn": { "$ref": "#/$defs/optionalRange", "description": "Monthly total burn." },
                        "currency": { "oneOf": [{ "$ref": "#/$defs/currency" }, { "type": "null" }] },
                        "hires": {
                          "type": "array",
                          "items": {
                            "type": "object",
                            "required": ["role", "at", "count", "salary", "currency", "why"],
                            "additionalProperties": false,
                            "properties": {
                              "role": { "type": "string" },
                              "at": { "type": "number", "description": "The driver value the hire is due at." },
                              "count": { "type": "integer", "minimum": 0 },
                              "salary": { "$ref": "#/$defs/optionalRange", "description": "Monthly salary per person." },
                              "currency": { "oneOf": [{ "$ref": "#/$defs/currency" }, { "type": "null" }] },
                              "why": { "type": ["string", "null"] }
                            }
                          }
                        }
                      }
                    },
                    { "type": "null" }
                  ]
                },
                "notes": { "$ref": "#/$defs/notes" }
              }
            }
          }
        }
        """#

    /// `fit growth --format json` (`GrowthFitReport`).
    static let fitgrowth = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://scaleplan.dev/schema/output/fit-growth-1.schema.json",
          "title": "scaleplan growth fit",
          "description": "`scaleplan fit growth --format json`: each growth kind fitted to a monthly history by least squares, the best by AICc, a 12-month forecast with its 80% prediction band, and the best fit as a scenario for a profile.",
          "type": "object",
          "required": ["schema", "history", "method", "kinds", "best", "forecast", "scenario"],
          "additionalProperties": false,
          "properties": {
            "schema": { "const": "scaleplan.fit.growth/1" },
            "history": {
              "type": "object",
              "required": ["source", "start", "months", "values"],
              "additionalProperties": false,
              "properties": {
                "source": { "type": "string", "description": "The file, as given." },
                "start": { "type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}$", "description": "The calendar month of month 0, for YYYY-MM rows." },
                "months": { "type": "array", "items": { "type": "number", "minimum": 0 } },
                "values": { "type": "array", "items": { "type": "number", "exclusiveMinimum": 0 } }
              }
            },
            "method": {
              "type": "object",
              "required": ["solver", "intervals", "confidence", "criterion"],
              "additionalProperties": false,
              "properties": {
                "solver": { "const": "levenberg-marquardt" },
                "intervals": { "const": "jacobian-covariance-t" },
                "confidence": { "type": "number" },
                "criterion": { "const": "aicc" }
              }
            },
            "kinds": {
              "type": "array",
              "items": {
                "oneOf": [
                  {
                    "type": "object",
                    "required": ["kind", "fitted", "reason"],
                    "additionalProperties": false,
                    "properties": { "kind": { "$ref": "#/$defs/kind" }, "fitted": { "const": false }, "reason": { "type": "string" } }
                  },
                  {
                    "type": "object",
                    "required": ["kind", "fitted", "scale", "parameters", "rmse", "r_squared", "quality", "aicc", "delta_aicc", "weight", "iterations", "fitted_values"],
                    "additionalProperties": false,
                    "properties": {
                      "kind": { "$ref": "#/$defs/kind" },
                      "fitted": { "const": true },
                      "scale": { "enum": ["log", "linear"], "description": "What the residuals are taken on." },
                      "parameters": {
                        "type": "array",
                        "items": {
                          "type": "object",
                          "required": ["name", "estimate", "low", "high"],
                          "additionalProperties": false,
                          "properties": { "name": { "type": "string" }, "estimate": { "$ref": "#/$defs/computed" }, "low": { "$ref": "#/$defs/computed" }, "high": { "$ref": "#/$defs/computed" } }
                        }
                      },
                      "rmse": { "$ref": "#/$defs/computed" },
                      "r_squared": { "$ref": "#/$defs/computed" },
                      "quality": { "enum": ["good", "fair", "poor"] },
                      "aicc": { "$ref": "#/$defs/computed" },
                      "delta_aicc": { "$ref": "#/$defs/computed" },
                      "weight": { "$ref": "#/$defs/computed" },
                      "iterations": { "type": "integer", "minimum": 0 },
                      "fitted_values": { "type": "array", "items": { "$ref": "#/$defs/computed" } }
                    }
                  }
                ]
              }
            },
            "best": { "$ref": "#/$defs/kind" },
            "forecast": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["month", "label", "value", "low", "high"],
                "additionalProperties": false,
                "properties": {
                  "month": { "type": "number" }, "label": { "type": "string" },
                  "value": { "$ref": "#/$defs/computed" }, "low": { "$ref": "#/$defs/computed" }, "high": { "$ref": "#/$defs/computed" }
                }
              }
            },
            "scenario": {
              "type": "object",
              "description": "A scenario for a profile's `scenarios` (see the profile schema): month 0 is the history's last month.",
              "required": ["id", "name", "source", "growth"],
              "additionalProperties": false,
              "properties": {
                "id": { "const": "fitted" }, "name": { "type": "string" }, "source": { "type": "string" },
                "start": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$" },
                "growth": {
                  "type": "object",
                  "required": ["kind"],
                  "properties": { "kind": { "$ref": "#/$defs/kind" } },
                  "additionalProperties": {
                    "type": "object",
                    "required": ["low", "high"],
                    "additionalProperties": false,
                    "properties": { "low": { "type": "number" }, "mode": { "type": "number" }, "high": { "type": "number" }, "distribution": { "enum": ["triangular", "lognormal"] } }
                  }
                }
              }
            }
          },
          "$defs": {
            "kind": { "enum": ["exponential", "linear", "logistic", "gompertz"] },
            "computed": { "type": ["number", "null"] }
          }
        }
        """#

    /// `fit usl --format json` (`USLFitReport`).
    static let fitusl = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://scaleplan.dev/schema/output/fit-usl-1.schema.json",
          "title": "scaleplan USL fit",
          "description": "`scaleplan fit usl --format json`: the Universal Scalability Law X(N) = λN / (1 + σ(N − 1) + κN(N − 1)) fitted to load-test measurements; 80% intervals.",
          "type": "object",
          "required": ["schema", "source", "method", "confidence", "sigma", "kappa", "lambda", "peak_concurrency", "peak_throughput", "limited_by", "rmse", "r_squared", "quality", "iterations", "points", "limit"],
          "additionalProperties": false,
          "properties": {
            "schema": { "const": "scaleplan.fit.usl/1" },
            "source": { "type": "string" },
            "method": { "enum": ["nls", "gcap"] },
            "confidence": { "type": "number" },
            "sigma": { "$ref": "#/$defs/parameter", "description": "Contention." },
            "kappa": { "$ref": "#/$defs/parameter", "description": "Coherency." },
            "lambda": { "$ref": "#/$defs/parameter", "description": "The throughput of one unit; low and high are null under gcap, which fixes it at the measured X(1)." },
            "peak_concurrency": { "$ref": "#/$defs/computed", "description": "N* = √((1 − σ)/κ)." },
            "peak_throughput": { "$ref": "#/$defs/computed" },
            "limited_by": { "enum": ["contention", "coherency"] },
            "rmse": { "$ref": "#/$defs/computed" },
            "r_squared": { "$ref": "#/$defs/computed" },
            "quality": { "enum": ["good", "fair", "poor"] },
            "iterations": { "type": "integer", "minimum": 0 },
            "points": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["concurrency", "throughput", "latency", "fitted", "residual"],
                "additionalProperties": false,
                "properties": {
                  "concurrency": { "type": "number", "exclusiveMinimum": 0 }, "throughput": { "type": "number", "exclusiveMinimum": 0 },
                  "latency": { "type": ["number", "null"] }, "fitted": { "$ref": "#/$defs/computed" }, "residual": { "$ref": "#/$defs/computed" }
                }
              }
            },
            "limit": {
              "type": ["object", "null"],
              "description": "With --emit-limit: one member, the limit's name → a capacity limit for a tier.",
              "minProperties": 1, "maxProperties": 1,
              "additionalProperties": {
                "type": "object",
                "required": ["limit", "label", "source"],
                "additionalProperties": false,
                "properties": { "limit": { "type": "string" }, "label": { "type": "string" }, "source": { "type": "string" } }
              }
            }
          },
          "$defs": {
            "parameter": {
              "type": "object",
              "required": ["estimate", "low", "high"],
              "additionalProperties": false,
              "properties": { "estimate": { "$ref": "#/$defs/computed" }, "low": { "$ref": "#/$defs/computed" }, "high": { "$ref": "#/$defs/computed" } }
            },
            "computed": { "type": ["number", "null"] }
          }
        }
        """#
}
