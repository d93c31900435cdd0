/// The JSON Schema (draft 2020-12) of profile language version 1, printed by `scaleplan schema`
/// and committed as `profiles/schema/profile.schema.json` (a test keeps the two identical;
/// `make schema` rewrites the file from this text).
///
/// The schema lets editors complete and check profiles as they are typed, and every key carries
/// a `description` and `examples` for an editor's hover; `scaleplan validate` goes further
/// (names, ranges, expressions, cycles). `SchemaAgreementTests` holds the two to the same verdict.
public enum ProfileSchema {
    /// Every object that lists its keys also allows keys starting with `$` (`$schema`,
    /// `$comment`), as `validate` does.
    public static let json = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://scaleplan.dev/schema/profile-1.schema.json",
          "title": "scaleplan profile",
          "description": "A scaling plan for scaleplan, version 1 of the profile language. Expressions are strings such as \"users * dau_ratio\"; see the README's profile guide.",
          "type": "object",
          "required": ["version", "id", "name", "currency", "driver", "tiers", "scenarios"],
          "additionalProperties": false,
          "patternProperties": {"^\\$": true},
          "if": {
            "required": ["tier_selection"],
            "properties": {
              "tier_selection": {
                "const": "capacity",
                "description": "Tiers chosen by capacity: their ranges become optional.",
                "examples": ["capacity"]
              }
            }
          },
          "else": {
            "properties": {
              "tiers": {
                "items": {"required": ["range"]},
                "description": "Unless tiers are chosen by capacity, every tier needs a range.",
                "examples": [[{"id": "small", "name": "Small", "range": {"min": 0}}]]
              }
            }
          },
          "properties": {
            "version": {"const": 1, "description": "Profile language version.", "examples": [1]},
            "id": {"$ref": "#/$defs/id", "description": "A short id for the profile.", "examples": ["sayar"]},
            "name": {"type": "string", "minLength": 1, "description": "The display name.", "examples": ["Tiny SaaS"]},
            "description": {
              "type": "string",
              "description": "One paragraph about the plan.",
              "examples": ["A SaaS scaling plan from one VPS to a cluster."]
            },
            "source": {"type": "string", "description": "Where the figures come from.", "examples": ["Engineering plan, January 2026"]},
            "currency": {"$ref": "#/$defs/currency", "description": "The ISO 4217 code every total is in.", "examples": ["USD"]},
            "fx": {
              "type": "object",
              "propertyNames": {"$ref": "#/$defs/currency"},
              "additionalProperties": {"type": "number", "exclusiveMinimum": 0},
              "description": "Value of one unit of a foreign currency in the profile's currency.",
              "examples": [{"INR": 0.012}]
            },
            "driver": {
              "type": "object",
              "description": "The growth quantity the plan is written against.",
              "examples": [{"name": "users", "unit": "user", "label": "Monthly active users"}],
              "required": ["name"],
              "additionalProperties": false,
              "patternProperties": {"^\\$": true},
              "properties": {
                "name": {
                  "$ref": "#/$defs/identifier",
                  "description": "The name expressions use for the growth quantity.",
                  "examples": ["users"]
                },
                "unit": {"type": "string", "description": "The singular unit.", "examples": ["user"]},
                "label": {"type": "string", "description": "A display label.", "examples": ["Monthly active users"]}
              }
            },
            "params": {
              "type": "object",
              "propertyNames": {"$ref": "#/$defs/identifier"},
              "additionalProperties": {"$ref": "#/$defs/param"},
              "description": "Named inputs: name → a number, or an object with a value or an uncertain {low, mode, high}.",
              "examples": [{"requests_per_user_day": {"low": 20, "mode": 40, "high": 80}}]
            },
            "metrics": {
              "type": "object",
              "propertyNames": {"$ref": "#/$defs/identifier"},
              "additionalProperties": {"$ref": "#/$defs/metric"},
              "description": "Derived quantities: name → an expression, {expr, …}, or a stock {accumulate, initial, …}.",
              "examples": [{"peak_rps": "users * requests_per_user_day / 86400 * 3"}]
            },
            "revenue": {
              "$ref": "#/$defs/expression",
              "description": "Monthly revenue in the profile's currency (tier params apply: each month's plan tier's).",
              "examples": ["users * paying_share * price"]
            },
            "tier_selection": {
              "enum": ["range", "capacity"],
              "description": "How each month's plan tier is chosen: \"range\" (the default: the tier whose range holds the driver) or \"capacity\" (the lowest tier whose limits carry the load; ranges become optional and are derived).",
              "examples": ["capacity"]
            },
            "observe": {
              "type": "object",
              "description": "How monitoring measures the plan: name → Prometheus instant query (PromQL), for `scaleplan check --prometheus URL` and `scaleplan rules`. A name is the driver, a param marked observed, a metric, or a trigger quantity (cost, cost.<category>, revenue, margin, utilization, utilization.<limit>, latency.<queue>). A query must return one series (aggregate with sum, max or count).",
              "propertyNames": {"pattern": "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$"},
              "additionalProperties": {
                "oneOf": [
                  {"type": "string", "minLength": 1, "description": "The PromQL instant query."},
                  {
                    "type": "object",
                    "required": ["query"],
                    "additionalProperties": false,
                    "patternProperties": {"^\\$": true},
                    "properties": {
                      "query": {"type": "string", "minLength": 1, "description": "The PromQL instant query.", "examples": ["sum(pg_stat_database_numbackends)"]},
                      "example": {"type": "boolean", "description": "Written as an example to adapt: the metric names are a common exporter's, not yours.", "examples": [true]},
                      "note": {"type": "string", "description": "Which exporter the query assumes, or why it measures the name.", "examples": ["postgres_exporter: server connections"]}
                    }
                  }
                ]
              },
              "examples": [{"businesses": "count(sayar_active_business)", "db_connections": {"query": "sum(pg_stat_database_numbackends)", "example": true, "note": "postgres_exporter"}}]
            },
            "allow_downgrade": {
              "type": "boolean",
              "description": "Whether `scaleplan optimize` may move the path to a lower tier (when the load falls); moves go up the tier list, or between one tier's options, otherwise.",
              "examples": [true]
            },
            "components": {
              "type": "object",
              "propertyNames": {"$ref": "#/$defs/id"},
              "additionalProperties": {"$ref": "#/$defs/component"},
              "description": "Named bundles of cost items, limits, queues and triggers that tiers include with \"use\".",
              "examples": [{"ha": {"costs": [{"item": "Load balancer", "category": "compute", "amount": 20}]}}]
            },
            "tiers": {
              "type": "array",
              "minItems": 1,
              "items": {"$ref": "#/$defs/tier"},
              "description": "The tiers, in order; ranges contiguous.",
              "examples": [[{"id": "small", "name": "Single server", "range": {"min": 0, "max": 10000}}]]
            },
            "triggers": {
              "type": "array",
              "items": {"$ref": "#/$defs/trigger"},
              "description": "Global triggers (red flags), evaluated in every tier.",
              "examples": [[{"id": "bill", "when": "cost > 5000", "severity": "info", "action": "Negotiate committed-use discounts"}]]
            },
            "scenarios": {
              "type": "array",
              "minItems": 1,
              "items": {"$ref": "#/$defs/scenario"},
              "description": "Growth curves; exactly one is the default.",
              "examples": [[{"id": "base", "default": true, "growth": {"kind": "exponential", "start": 500, "rate": 0.1}}]]
            },
            "notes": {
              "$ref": "#/$defs/notes",
              "description": "Free text, e.g. where the source contradicts itself and which figure was taken.",
              "examples": [["The seed gives two prices; the itemised one is used."]]
            }
          },
          "$defs": {
            "id": {"type": "string", "pattern": "^[a-z][a-z0-9_-]*$"},
            "identifier": {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$"},
            "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
            "expression": {"type": "string", "minLength": 1},
            "notes": {"type": "array", "items": {"type": "string"}},
            "quantity": {"description": "A number or an expression string.", "oneOf": [{"type": "number"}, {"$ref": "#/$defs/expression"}]},
            "numberRange": {
              "oneOf": [
                {"type": "number", "minimum": 0},
                {
                  "type": "object",
                  "required": ["low", "high"],
                  "additionalProperties": false,
                  "patternProperties": {"^\\$": true},
                  "properties": {
                    "low": {"type": "number", "minimum": 0, "description": "The low end.", "examples": [1]},
                    "high": {"type": "number", "minimum": 0, "description": "The high end.", "examples": [3]}
                  }
                }
              ]
            },
            "modalRange": {
              "oneOf": [
                {"type": "number", "minimum": 0},
                {
                  "type": "object",
                  "required": ["low", "high"],
                  "additionalProperties": false,
                  "patternProperties": {"^\\$": true},
                  "properties": {
                    "low": {"type": "number", "minimum": 0, "description": "The low end.", "examples": [1]},
                    "mode": {"type": "number", "minimum": 0, "description": "The most likely value.", "examples": [2]},
                    "high": {"type": "number", "minimum": 0, "description": "The high end.", "examples": [3]}
                  }
                }
              ]
            },
            "uncertain": {
              "oneOf": [
                {"type": "number"},
                {
                  "type": "object",
                  "additionalProperties": false,
                  "patternProperties": {"^\\$": true},
                  "properties": {
                    "value": {"type": "number", "description": "A fixed value.", "examples": [40]},
                    "low": {
                      "type": "number",
                      "description": "The lowest value (for lognormal: the 10th percentile).",
                      "examples": [20]
                    },
                    "mode": {
                      "type": "number",
                      "description": "The most likely value (a triangular distribution); also what a deterministic run uses.",
                      "examples": [40]
                    },
                    "high": {
                      "type": "number",
                      "description": "The highest value (for lognormal: the 90th percentile).",
                      "examples": [80]
                    },
                    "distribution": {
                      "enum": ["triangular", "uniform", "lognormal"],
                      "description": "How Monte Carlo samples low–high: triangular (with mode, the default then), uniform (the default without mode) or lognormal.",
                      "examples": ["triangular"]
                    }
                  },
                  "oneOf": [{"required": ["value"]}, {"required": ["low", "high"]}]
                }
              ]
            },
            "param": {
              "oneOf": [
                {"type": "number"},
                {
                  "type": "object",
                  "additionalProperties": false,
                  "patternProperties": {"^\\$": true},
                  "properties": {
                    "value": {"type": "number", "description": "A fixed value.", "examples": [40]},
                    "low": {
                      "type": "number",
                      "description": "The lowest value (for lognormal: the 10th percentile).",
                      "examples": [20]
                    },
                    "mode": {
                      "type": "number",
                      "description": "The most likely value (a triangular distribution); also what a deterministic run uses.",
                      "examples": [40]
                    },
                    "high": {
                      "type": "number",
                      "description": "The highest value (for lognormal: the 90th percentile).",
                      "examples": [80]
                    },
                    "distribution": {
                      "enum": ["triangular", "uniform", "lognormal"],
                      "description": "How Monte Carlo samples low–high: triangular (with mode, the default then), uniform (the default without mode) or lognormal.",
                      "examples": ["triangular"]
                    },
                    "unit": {"type": "string", "description": "The unit, for display.", "examples": ["req/day"]},
                    "label": {"type": "string", "description": "A human name, for display.", "examples": ["Requests per user per day"]},
                    "assumption": {
                      "type": "string",
                      "description": "Why this value: every figure not in the source document should say.",
                      "examples": ["typical for a dashboard app; not measured yet"]
                    },
                    "source": {
                      "type": "string",
                      "description": "Where in the source document the value comes from.",
                      "examples": ["§3 Traffic"]
                    },
                    "observed": {
                      "type": "boolean",
                      "description": "Only monitoring can measure it; `check --observed` supplies the real value, the model holds it at its value.",
                      "examples": [true]
                    }
                  },
                  "oneOf": [{"required": ["value"]}, {"required": ["low", "high"]}]
                }
              ]
            },
            "metric": {
              "oneOf": [
                {"$ref": "#/$defs/expression"},
                {
                  "type": "object",
                  "additionalProperties": false,
                  "patternProperties": {"^\\$": true},
                  "properties": {
                    "expr": {
                      "$ref": "#/$defs/expression",
                      "description": "The metric's value each month: an expression over the driver, month, params and other metrics.",
                      "examples": ["users * requests_per_user_day / 86400"]
                    },
                    "accumulate": {
                      "$ref": "#/$defs/expression",
                      "description": "Makes the metric a stock: what is added each month (negative terms take away; the stock's own name reads last month's value). Its value in month t is initial plus the sum over months 0…t.",
                      "examples": ["users * gb_per_user_month"]
                    },
                    "initial": {"type": "number", "description": "A stock's value before month 0.", "examples": [50]},
                    "unit": {"type": "string", "description": "The unit, for display.", "examples": ["GB"]},
                    "label": {"type": "string", "description": "A human name, for display.", "examples": ["Stored data"]},
                    "source": {
                      "type": "string",
                      "description": "Where in the source document the formula comes from.",
                      "examples": ["§Storage"]
                    },
                    "assumption": {"type": "string", "description": "Why this formula.", "examples": ["uploads are kept forever"]}
                  },
                  "oneOf": [{"required": ["expr"]}, {"required": ["accumulate"]}],
                  "dependentRequired": {"initial": ["accumulate"]}
                }
              ]
            },
            "component": {
              "type": "object",
              "description": "A named bundle of cost items, limits, queues and triggers; tiers include it with \"use\".",
              "examples": [{"costs": [{"item": "Load balancer", "category": "compute", "amount": 20}]}],
              "additionalProperties": false,
              "patternProperties": {"^\\$": true},
              "properties": {
                "capacity": {
                  "$ref": "#/$defs/capacity",
                  "description": "Limit name (a metric or the driver) → its limit: a number, an expression, or an object with headroom and primary. The tier carries a load when every limit holds.",
                  "examples": [{"peak_rps": {"limit": 100, "headroom": 0.15, "primary": true}, "db_connections": 200}]
                },
                "costs": {
                  "type": "array",
                  "items": {"$ref": "#/$defs/cost"},
                  "description": "Monthly cost line items.",
                  "examples": [[{"item": "VPS", "category": "compute", "amount": 20}]]
                },
                "queues": {
                  "$ref": "#/$defs/queues",
                  "description": "Queue name → a serving component modelled as an M/M/c queue (its p95 is `latency.<name>` in triggers).",
                  "examples": [{"api": {"servers": 2, "service_ms": 40, "arrival": "peak_rps"}}]
                },
                "triggers": {
                  "type": "array",
                  "items": {"$ref": "#/$defs/trigger"},
                  "description": "Triggers: conditions that call for action.",
                  "examples": [
                    [
                      {
                        "id": "small-full",
                        "when": "utilization.peak_rps > 0.8",
                        "action": "Move to the cluster",
                        "target": "cluster"
                      }
                    ]
                  ]
                },
                "notes": {"$ref": "#/$defs/notes", "description": "Free text.", "examples": [["Shared HA block"]]}
              }
            },
            "capacity": {
              "type": "object",
              "propertyNames": {"$ref": "#/$defs/identifier"},
              "additionalProperties": {
                "oneOf": [
                  {"$ref": "#/$defs/quantity"},
                  {
                    "type": "object",
                    "required": ["limit"],
                    "additionalProperties": false,
                    "patternProperties": {"^\\$": true},
                    "properties": {
                      "limit": {
                        "$ref": "#/$defs/quantity",
                        "description": "The limit: a number, or an expression over the driver, month, params and metrics (the tier's params apply).",
                        "examples": [100, "nodes * node_rps"]
                      },
                      "label": {
                        "type": "string",
                        "description": "What the limit is, for display.",
                        "examples": ["API requests/s per node"]
                      },
                      "source": {
                        "type": "string",
                        "description": "Where in the source document the limit comes from.",
                        "examples": ["§2 Limits"]
                      },
                      "headroom": {
                        "type": "number",
                        "minimum": 0,
                        "description": "How far over the limit still fits: 0.15 lets the metric reach limit × 1.15.",
                        "examples": [0.15]
                      },
                      "primary": {
                        "type": "boolean",
                        "description": "This limit sizes the tier: it is shown as the bottleneck unless another limit is clearly (by more than 1e-9, relative) more utilised.",
                        "examples": [true]
                      }
                    }
                  }
                ]
              }
            },
            "queues": {
              "type": "object",
              "propertyNames": {"$ref": "#/$defs/identifier"},
              "additionalProperties": {
                "type": "object",
                "required": ["servers", "service_ms", "arrival"],
                "additionalProperties": false,
                "patternProperties": {"^\\$": true},
                "properties": {
                  "servers": {
                    "$ref": "#/$defs/quantity",
                    "description": "The number of servers (rounded down, at least 1): a number or an expression.",
                    "examples": [2, "nodes * workers"]
                  },
                  "service_ms": {
                    "$ref": "#/$defs/quantity",
                    "description": "Mean service time of one request in milliseconds.",
                    "examples": [40]
                  },
                  "arrival": {
                    "$ref": "#/$defs/expression",
                    "description": "Arrival rate in requests per SECOND.",
                    "examples": ["peak_rps"]
                  },
                  "p95_ms": {
                    "type": "number",
                    "exclusiveMinimum": 0,
                    "description": "A p95 target in ms overriding the tier's slo.p95_ms.",
                    "examples": [300]
                  }
                }
              }
            },
            "tier": {
              "type": "object",
              "required": ["id", "name"],
              "additionalProperties": false,
              "patternProperties": {"^\\$": true},
              "properties": {
                "id": {"$ref": "#/$defs/id", "description": "A unique tier id.", "examples": ["growth"]},
                "name": {"type": "string", "minLength": 1, "description": "The display name.", "examples": ["Growth"]},
                "source": {
                  "type": "string",
                  "description": "The section of the source document this tier comes from.",
                  "examples": ["§Tier 2"]
                },
                "range": {
                  "type": "object",
                  "description": "Half-open driver range [min, max); only the last tier may omit max. Optional with \"tier_selection\": \"capacity\", where ranges are derived from the limits.",
                  "examples": [{"min": 0, "max": 10000}],
                  "required": ["min"],
                  "additionalProperties": false,
                  "patternProperties": {"^\\$": true},
                  "properties": {
                    "min": {
                      "type": "number",
                      "minimum": 0,
                      "description": "The lowest driver value of the tier (inclusive).",
                      "examples": [0]
                    },
                    "max": {
                      "type": "number",
                      "minimum": 0,
                      "description": "The driver value where the next tier starts (exclusive); omitted only on the last tier.",
                      "examples": [10000]
                    }
                  }
                },
                "params": {
                  "type": "object",
                  "propertyNames": {"$ref": "#/$defs/identifier"},
                  "additionalProperties": {"$ref": "#/$defs/param"},
                  "description": "Params this tier adds or overrides while it is evaluated (its limits, costs, queues, triggers and the metrics they read; revenue as this tier's months see it). A name no global param has must be declared by every tier.",
                  "examples": [{"nodes": 6, "price": {"low": 8, "mode": 10, "high": 12}}]
                },
                "use": {
                  "type": "array",
                  "items": {"$ref": "#/$defs/id"},
                  "description": "Components (from the top-level \"components\") whose cost items, limits, queues and triggers this tier includes, evaluated with the tier's params.",
                  "examples": [["ha"]]
                },
                "timeline": {
                  "type": "object",
                  "description": "Planned months of the tier, counted from the plan's start.",
                  "examples": [{"start": 0, "end": 6}],
                  "required": ["start"],
                  "additionalProperties": false,
                  "patternProperties": {"^\\$": true},
                  "properties": {
                    "start": {
                      "type": "number",
                      "minimum": 0,
                      "description": "The month the tier is planned to start, counted from the plan's start.",
                      "examples": [0]
                    },
                    "end": {"type": "number", "minimum": 0, "description": "The month the tier is planned to end.", "examples": [6]},
                    "label": {
                      "type": "string",
                      "description": "The timeline as the source document words it.",
                      "examples": ["Month 1-6"]
                    }
                  }
                },
                "capacity": {
                  "$ref": "#/$defs/capacity",
                  "description": "Limit name (a metric or the driver) → its limit: a number, an expression, or an object with headroom and primary. The tier carries a load when every limit holds.",
                  "examples": [{"peak_rps": {"limit": 100, "headroom": 0.15, "primary": true}, "db_connections": 200}]
                },
                "costs": {
                  "type": "array",
                  "items": {"$ref": "#/$defs/cost"},
                  "description": "Monthly cost line items.",
                  "examples": [[{"item": "VPS", "category": "compute", "amount": 20}]]
                },
                "slo": {
                  "type": "object",
                  "description": "Service-level targets.",
                  "examples": [{"p95_ms": 300, "uptime_pct": 99.5}],
                  "additionalProperties": false,
                  "patternProperties": {"^\\$": true},
                  "properties": {
                    "p95_ms": {"type": "number", "exclusiveMinimum": 0, "description": "The p95 latency target in ms.", "examples": [300]},
                    "uptime_pct": {
                      "type": "number",
                      "exclusiveMinimum": 0,
                      "maximum": 100,
                      "description": "The uptime target in percent.",
                      "examples": [99.9]
                    }
                  }
                },
                "queues": {
                  "$ref": "#/$defs/queues",
                  "description": "Queue name → a serving component modelled as an M/M/c queue (its p95 is `latency.<name>` in triggers).",
                  "examples": [{"api": {"servers": 2, "service_ms": 40, "arrival": "peak_rps"}}]
                },
                "triggers": {
                  "type": "array",
                  "items": {"$ref": "#/$defs/trigger"},
                  "description": "Triggers: conditions that call for action.",
                  "examples": [
                    [
                      {
                        "id": "small-full",
                        "when": "utilization.peak_rps > 0.8",
                        "action": "Move to the cluster",
                        "target": "cluster"
                      }
                    ]
                  ]
                },
                "migration": {
                  "type": "object",
                  "description": "Moving into this tier.",
                  "examples": [{"lead_time_months": 2, "downtime_minutes": 5}],
                  "additionalProperties": false,
                  "patternProperties": {"^\\$": true},
                  "properties": {
                    "lead_time_months": {
                      "$ref": "#/$defs/modalRange",
                      "description": "How many months the move takes to prepare: a number, {low, high}, or {low, mode, high} (the deterministic run plans with high).",
                      "examples": [{"low": 1, "mode": 2, "high": 3}]
                    },
                    "downtime_minutes": {
                      "$ref": "#/$defs/numberRange",
                      "description": "Expected downtime of the move, in minutes.",
                      "examples": [{"low": 0, "high": 15}]
                    },
                    "cost": {
                      "$ref": "#/$defs/modalRange",
                      "description": "A one-off cost of the move in the profile's currency, paid when the move starts: a number, {low, high} or {low, mode, high} (`optimize` counts its expected value).",
                      "examples": [5000, {"low": 5000, "high": 12000}]
                    },
                    "note": {"type": "string", "description": "How the move is done.", "examples": ["DNS cut-over"]}
                  }
                },
                "team": {
                  "type": "object",
                  "description": "Headcount, burn and hires in this tier.",
                  "examples": [{"headcount": 3, "burn": {"low": 20000, "high": 30000}}],
                  "additionalProperties": false,
                  "patternProperties": {"^\\$": true},
                  "properties": {
                    "headcount": {
                      "$ref": "#/$defs/numberRange",
                      "description": "Team size in this tier.",
                      "examples": [{"low": 8, "high": 12}]
                    },
                    "burn": {
                      "$ref": "#/$defs/numberRange",
                      "description": "Monthly total burn, including the team.",
                      "examples": [{"low": 30000, "high": 80000}]
                    },
                    "currency": {
                      "$ref": "#/$defs/currency",
                      "description": "The currency of burn and salaries, when not the profile's.",
                      "examples": ["INR"]
                    },
                    "hires": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["role", "at"],
                        "additionalProperties": false,
                        "patternProperties": {"^\\$": true},
                        "properties": {
                          "role": {"type": "string", "minLength": 1, "description": "The role.", "examples": ["DevOps Engineer"]},
                          "at": {
                            "type": "number",
                            "minimum": 0,
                            "description": "The driver value the hire is due at.",
                            "examples": [50000]
                          },
                          "count": {"type": "integer", "minimum": 1, "description": "How many people.", "examples": [1]},
                          "salary": {
                            "$ref": "#/$defs/numberRange",
                            "description": "Monthly salary per person.",
                            "examples": [{"low": 120000, "high": 180000}]
                          },
                          "currency": {
                            "$ref": "#/$defs/currency",
                            "description": "The salary's currency, when not the team's.",
                            "examples": ["INR"]
                          },
                          "why": {"type": "string", "description": "Why the hire is needed then.", "examples": ["on-call load"]}
                        }
                      },
                      "description": "Hires due at driver levels.",
                      "examples": [[{"role": "DevOps Engineer", "at": 50000}]]
                    }
                  }
                },
                "notes": {"$ref": "#/$defs/notes", "description": "Free text.", "examples": [["Prices as of 2026-01"]]},
                "option": {
                  "oneOf": [
                    {"$ref": "#/$defs/id"},
                    {
                      "type": "object",
                      "required": ["id"],
                      "additionalProperties": false,
                      "patternProperties": {"^\\$": true},
                      "properties": {
                        "id": {"$ref": "#/$defs/id", "description": "The option's id.", "examples": ["kubernetes"]},
                        "name": {"type": "string", "minLength": 1, "description": "How reports name it.", "examples": ["Option B: Kubernetes"]}
                      }
                    }
                  ],
                  "description": "The name of the way the tier as written runs (default \"planned\"): an id, or {id, name}.",
                  "examples": ["kubernetes", {"id": "kubernetes", "name": "Option B: Kubernetes"}]
                },
                "options": {
                  "type": "array",
                  "items": {"$ref": "#/$defs/option"},
                  "description": "Other ways to run this tier, for `scaleplan optimize`: each the tier with some keys replaced (maps merge by name, costs by item or \"replaces\", other keys are replaced whole; the range is the tier's).",
                  "examples": [[{"id": "railway", "name": "Option A: Railway", "costs": [{"item": "Railway", "replaces": "Kubernetes", "category": "compute", "amount": {"low": 1000, "high": 1500}}]}]]
                },
                "skippable": {
                  "type": "boolean",
                  "description": "Whether `scaleplan optimize` may pass this tier by (move from the tier below it straight to one above).",
                  "examples": [true]
                }
              }
            },
            "option": {
              "type": "object",
              "required": ["id"],
              "additionalProperties": false,
              "patternProperties": {"^\\$": true},
              "properties": {
                "id": {"$ref": "#/$defs/id", "description": "The option's id, unique in its tier.", "examples": ["railway"]},
                "name": {"type": "string", "minLength": 1, "description": "How reports name the option.", "examples": ["Option A: stay on Railway"]},
                "source": {"$ref": "#/$defs/tier/properties/source", "description": "The section of the source document the option comes from.", "examples": ["§Phase 3, Option A"]},
                "params": {"$ref": "#/$defs/tier/properties/params", "description": "Params that differ (merged by name over the tier's).", "examples": [{"nodes": 8}]},
                "use": {"$ref": "#/$defs/tier/properties/use", "description": "Components the option includes, in place of the tier's.", "examples": [["ha"]]},
                "timeline": {"$ref": "#/$defs/tier/properties/timeline", "description": "The option's planned months, in place of the tier's.", "examples": [{"start": 6, "end": 12}]},
                "capacity": {"$ref": "#/$defs/tier/properties/capacity", "description": "Limits that differ (merged by name over the tier's).", "examples": [{"backend_ram_gb": 160}]},
                "costs": {
                  "type": "array",
                  "items": {"$ref": "#/$defs/optionCost"},
                  "description": "Cost items that differ: each takes the place of the tier's item it \"replaces\" or of the one of the same name, or is added.",
                  "examples": [[{"item": "Railway", "replaces": "Kubernetes", "category": "compute", "amount": 1200}]]
                },
                "slo": {"$ref": "#/$defs/tier/properties/slo", "description": "Service-level targets, in place of the tier's.", "examples": [{"p95_ms": 300}]},
                "queues": {"$ref": "#/$defs/tier/properties/queues", "description": "Queues that differ (merged by name over the tier's).", "examples": [{"api": {"servers": 20, "service_ms": 5, "arrival": "api_rps"}}]},
                "triggers": {"$ref": "#/$defs/tier/properties/triggers", "description": "Triggers that differ (merged by id over the tier's).", "examples": [[{"id": "railway-full", "when": "utilization.backend_ram_gb > 0.8", "action": "Scale out"}]]},
                "migration": {"$ref": "#/$defs/tier/properties/migration", "description": "Moving into this option, in place of the tier's: its lead time and one-off cost.", "examples": [{"lead_time_months": 3, "cost": 5000}]},
                "team": {"$ref": "#/$defs/tier/properties/team", "description": "Headcount, burn and hires, in place of the tier's.", "examples": [{"headcount": 4}]},
                "notes": {"$ref": "#/$defs/notes", "description": "Free text.", "examples": [["Option A of §Phase 3"]]}
              }
            },
            "optionCost": {
              "$ref": "#/$defs/costFields",
              "unevaluatedProperties": false,
              "properties": {
                "replaces": {
                  "type": "string",
                  "minLength": 1,
                  "description": "The tier's cost item this one takes the place of.",
                  "examples": ["Kubernetes (AWS EKS/GKE)"]
                }
              }
            },
            "cost": {"$ref": "#/$defs/costFields", "unevaluatedProperties": false},
            "costFields": {
              "type": "object",
              "required": ["item", "category", "amount"],
              "patternProperties": {"^\\$": true},
              "properties": {
                "item": {"type": "string", "minLength": 1, "description": "What the line item is.", "examples": ["Managed Postgres"]},
                "category": {
                  "type": "string",
                  "pattern": "^[a-z][a-z0-9_]*$",
                  "description": "A lower-case category (compute, database, cache, cdn, storage, bandwidth, monitoring, ai, team, …); `cost.<category>` in triggers.",
                  "examples": ["database"]
                },
                "amount": {
                  "oneOf": [
                    {"$ref": "#/$defs/quantity"},
                    {
                      "type": "object",
                      "required": ["low", "high"],
                      "additionalProperties": false,
                      "patternProperties": {"^\\$": true},
                      "properties": {
                        "low": {"$ref": "#/$defs/quantity", "description": "The lowest monthly amount.", "examples": [15]},
                        "mode": {"$ref": "#/$defs/quantity", "description": "The most likely monthly amount.", "examples": [25]},
                        "high": {"$ref": "#/$defs/quantity", "description": "The highest monthly amount.", "examples": [50]}
                      }
                    }
                  ],
                  "description": "Monthly amount: a number, an expression (usage pricing; `month` allows price changes over time), or a {low, mode, high} range, each a number or expression.",
                  "examples": [20, "max(0, users - free_mau) * price_per_mau", {"low": 15, "high": 50}]
                },
                "currency": {
                  "$ref": "#/$defs/currency",
                  "description": "The amount's currency, when not the profile's (converted with fx).",
                  "examples": ["INR"]
                },
                "credit": {
                  "type": "boolean",
                  "description": "Subtracted from the total instead of added: a discount or a credit (its amount is still 0 or more). A total below zero is a plan gap.",
                  "examples": [true]
                },
                "source": {"type": "string", "description": "Where in the source document the amount comes from.", "examples": ["§Costs"]},
                "note": {"type": "string", "description": "A remark shown with the item.", "examples": ["billed yearly"]}
              }
            },
            "condition": {
              "oneOf": [
                {"$ref": "#/$defs/expression"},
                {
                  "type": "object",
                  "minProperties": 1,
                  "maxProperties": 1,
                  "additionalProperties": false,
                  "patternProperties": {"^\\$": true},
                  "properties": {
                    "any": {
                      "type": "array",
                      "minItems": 1,
                      "items": {"$ref": "#/$defs/condition"},
                      "description": "True when any of these is.",
                      "examples": [["users >= 50000", "latency.api > 500"]]
                    },
                    "all": {
                      "type": "array",
                      "minItems": 1,
                      "items": {"$ref": "#/$defs/condition"},
                      "description": "True when all of these are.",
                      "examples": [["users >= 50000", "margin < 0"]]
                    }
                  }
                }
              ]
            },
            "trigger": {
              "type": "object",
              "required": ["action"],
              "additionalProperties": false,
              "patternProperties": {"^\\$": true},
              "properties": {
                "id": {
                  "$ref": "#/$defs/id",
                  "description": "A unique id (generated from the tier and position when omitted); a component's trigger keeps its id in every tier that uses it.",
                  "examples": ["small-full"]
                },
                "name": {"type": "string", "description": "A human name.", "examples": ["Small tier full"]},
                "when": {
                  "$ref": "#/$defs/expression",
                  "description": "A boolean expression over the driver, month, params, metrics, cost, cost.<category>, revenue, margin, utilization, utilization.<limit> and latency.<queue>.",
                  "examples": ["utilization.peak_rps > 0.8"]
                },
                "any": {
                  "type": "array",
                  "minItems": 1,
                  "items": {"$ref": "#/$defs/condition"},
                  "description": "Fires when any condition holds (strings or nested {any}/{all}).",
                  "examples": [["users >= 50000", "latency.api > 500"]]
                },
                "all": {
                  "type": "array",
                  "minItems": 1,
                  "items": {"$ref": "#/$defs/condition"},
                  "description": "Fires when every condition holds.",
                  "examples": [["users >= 50000", "margin < 0"]]
                },
                "severity": {
                  "enum": ["info", "warning", "critical"],
                  "description": "How serious: info, warning (the default) or critical.",
                  "examples": ["warning"]
                },
                "action": {
                  "type": "string",
                  "minLength": 1,
                  "description": "What to do when it fires.",
                  "examples": ["Move to the cluster"]
                },
                "target": {"$ref": "#/$defs/id", "description": "The tier the action moves to.", "examples": ["cluster"]},
                "source": {
                  "type": "string",
                  "description": "Where in the source document the trigger comes from.",
                  "examples": ["§Upgrade triggers"]
                }
              },
              "oneOf": [{"required": ["when"]}, {"required": ["any"]}, {"required": ["all"]}]
            },
            "growth": \#(GrowthKind.schemaDefinition),
            "scenario": {
              "type": "object",
              "required": ["id", "growth"],
              "additionalProperties": false,
              "patternProperties": {"^\\$": true},
              "properties": {
                "id": {"$ref": "#/$defs/id", "description": "A unique scenario id.", "examples": ["base"]},
                "name": {"type": "string", "description": "A human name.", "examples": ["The seed's own timeline"]},
                "default": {
                  "type": "boolean",
                  "description": "The scenario simulate uses with no flags (exactly one).",
                  "examples": [true]
                },
                "months": {"type": "integer", "minimum": 1, "maximum": 1200, "description": "The horizon in months.", "examples": [36]},
                "start": {
                  "type": "string",
                  "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$",
                  "description": "The calendar month of month 0, for labels.",
                  "examples": ["2026-01"]
                },
                "growth": {
                  "$ref": "#/$defs/growth",
                  "description": "The growth curve of the driver.",
                  "examples": [{"kind": "exponential", "start": 500, "rate": 0.1}]
                },
                "source": {
                  "type": "string",
                  "description": "Where in the source document the curve comes from.",
                  "examples": ["§Timeline"]
                },
                "params": {
                  "type": "object",
                  "propertyNames": {"$ref": "#/$defs/identifier"},
                  "additionalProperties": {"$ref": "#/$defs/uncertain"},
                  "description": "Params this scenario sets (a what-if without editing the plan): name → a number or {low, mode, high}, replacing the profile's value while the scenario is projected.",
                  "examples": [{"price": 12}]
                }
              }
            }
          }
        }
        """#
}
