/// The JSON Schema (draft 2020-12) of profile language version 1, printed by `scaleplan schema`
/// and committed as `profiles/schema/profile.schema.json` (a test keeps the two identical;
/// `make schema` rewrites the file from this text).
///
/// The schema lets editors complete and check profiles as they are typed; `scaleplan validate`
/// goes further (names, ranges, expressions, cycles).
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
          "patternProperties": { "^\\$": true },
          "properties": {
            "version": { "const": 1, "description": "Profile language version." },
            "id": { "$ref": "#/$defs/id" },
            "name": { "type": "string", "minLength": 1 },
            "description": { "type": "string" },
            "source": { "type": "string", "description": "Where the figures come from." },
            "currency": { "$ref": "#/$defs/currency" },
            "fx": {
              "type": "object",
              "description": "Value of one unit of a foreign currency in the profile's currency.",
              "propertyNames": { "$ref": "#/$defs/currency" },
              "additionalProperties": { "type": "number", "exclusiveMinimum": 0 }
            },
            "driver": {
              "type": "object",
              "required": ["name"],
              "additionalProperties": false,
              "patternProperties": { "^\\$": true },
              "properties": {
                "name": { "$ref": "#/$defs/identifier" },
                "unit": { "type": "string" },
                "label": { "type": "string" }
              }
            },
            "params": {
              "type": "object",
              "propertyNames": { "$ref": "#/$defs/identifier" },
              "additionalProperties": { "$ref": "#/$defs/param" }
            },
            "metrics": {
              "type": "object",
              "propertyNames": { "$ref": "#/$defs/identifier" },
              "additionalProperties": { "$ref": "#/$defs/metric" }
            },
            "revenue": { "$ref": "#/$defs/expression", "description": "Monthly revenue in the profile's currency." },
            "tiers": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/tier" } },
            "triggers": { "type": "array", "items": { "$ref": "#/$defs/trigger" } },
            "scenarios": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/scenario" } },
            "notes": { "$ref": "#/$defs/notes" }
          },
          "$defs": {
            "id": { "type": "string", "pattern": "^[a-z][a-z0-9_-]*$" },
            "identifier": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" },
            "currency": { "type": "string", "pattern": "^[A-Z]{3}$" },
            "expression": { "type": "string", "minLength": 1 },
            "notes": { "type": "array", "items": { "type": "string" } },
            "quantity": {
              "description": "A number or an expression string.",
              "oneOf": [{ "type": "number" }, { "$ref": "#/$defs/expression" }]
            },
            "numberRange": {
              "oneOf": [
                { "type": "number", "minimum": 0 },
                {
                  "type": "object",
                  "required": ["low", "high"],
                  "additionalProperties": false,
                  "patternProperties": { "^\\$": true },
                  "properties": {
                    "low": { "type": "number", "minimum": 0 },
                    "high": { "type": "number", "minimum": 0 }
                  }
                }
              ]
            },
            "uncertain": {
              "oneOf": [
                { "type": "number" },
                {
                  "type": "object",
                  "additionalProperties": false,
                  "patternProperties": { "^\\$": true },
                  "properties": {
                    "value": { "type": "number" },
                    "low": { "type": "number" },
                    "mode": { "type": "number" },
                    "high": { "type": "number" },
                    "distribution": { "enum": ["triangular", "uniform", "lognormal"] }
                  },
                  "oneOf": [{ "required": ["value"] }, { "required": ["low", "high"] }]
                }
              ]
            },
            "param": {
              "oneOf": [
                { "type": "number" },
                {
                  "type": "object",
                  "additionalProperties": false,
                  "patternProperties": { "^\\$": true },
                  "properties": {
                    "value": { "type": "number" },
                    "low": { "type": "number" },
                    "mode": { "type": "number" },
                    "high": { "type": "number" },
                    "distribution": { "enum": ["triangular", "uniform", "lognormal"] },
                    "unit": { "type": "string" },
                    "label": { "type": "string" },
                    "assumption": { "type": "string", "description": "Why this value: required in spirit for every figure not in the source." },
                    "source": { "type": "string" },
                    "observed": { "type": "boolean", "description": "Only monitoring can measure it; `check --observed` supplies the real value." }
                  },
                  "oneOf": [{ "required": ["value"] }, { "required": ["low", "high"] }]
                }
              ]
            },
            "metric": {
              "oneOf": [
                { "$ref": "#/$defs/expression" },
                {
                  "type": "object",
                  "required": ["expr"],
                  "additionalProperties": false,
                  "patternProperties": { "^\\$": true },
                  "properties": {
                    "expr": { "$ref": "#/$defs/expression" },
                    "unit": { "type": "string" },
                    "label": { "type": "string" },
                    "source": { "type": "string" },
                    "assumption": { "type": "string" }
                  }
                }
              ]
            },
            "tier": {
              "type": "object",
              "required": ["id", "name", "range"],
              "additionalProperties": false,
              "patternProperties": { "^\\$": true },
              "properties": {
                "id": { "$ref": "#/$defs/id" },
                "name": { "type": "string", "minLength": 1 },
                "source": { "type": "string", "description": "The section of the source document this tier comes from." },
                "range": {
                  "type": "object",
                  "required": ["min"],
                  "additionalProperties": false,
                  "patternProperties": { "^\\$": true },
                  "description": "Half-open driver range [min, max); only the last tier may omit max.",
                  "properties": {
                    "min": { "type": "number", "minimum": 0 },
                    "max": { "type": "number", "minimum": 0 }
                  }
                },
                "timeline": {
                  "type": "object",
                  "required": ["start"],
                  "additionalProperties": false,
                  "patternProperties": { "^\\$": true },
                  "properties": {
                    "start": { "type": "number", "minimum": 0 },
                    "end": { "type": "number", "minimum": 0 },
                    "label": { "type": "string" }
                  }
                },
                "capacity": {
                  "type": "object",
                  "propertyNames": { "$ref": "#/$defs/identifier" },
                  "additionalProperties": {
                    "oneOf": [
                      { "$ref": "#/$defs/quantity" },
                      {
                        "type": "object",
                        "required": ["limit"],
                        "additionalProperties": false,
                        "patternProperties": { "^\\$": true },
                        "properties": {
                          "limit": { "$ref": "#/$defs/quantity" },
                          "label": { "type": "string" },
                          "source": { "type": "string" },
                          "headroom": {
                            "type": "number", "minimum": 0,
                            "description": "How far over the limit still fits: 0.15 lets the metric reach limit × 1.15."
                          },
                          "primary": {
                            "type": "boolean",
                            "description": "This limit sizes the tier: it is shown as the bottleneck unless another limit is clearly (by more than 1e-9, relative) more utilised."
                          }
                        }
                      }
                    ]
                  }
                },
                "costs": { "type": "array", "items": { "$ref": "#/$defs/cost" } },
                "slo": {
                  "type": "object",
                  "additionalProperties": false,
                  "patternProperties": { "^\\$": true },
                  "properties": {
                    "p95_ms": { "type": "number", "exclusiveMinimum": 0 },
                    "uptime_pct": { "type": "number", "exclusiveMinimum": 0, "maximum": 100 }
                  }
                },
                "queues": {
                  "type": "object",
                  "propertyNames": { "$ref": "#/$defs/identifier" },
                  "additionalProperties": {
                    "type": "object",
                    "required": ["servers", "service_ms", "arrival"],
                    "additionalProperties": false,
                    "patternProperties": { "^\\$": true },
                    "properties": {
                      "servers": { "$ref": "#/$defs/quantity" },
                      "service_ms": { "$ref": "#/$defs/quantity" },
                      "arrival": { "$ref": "#/$defs/expression", "description": "Arrival rate in requests per second." },
                      "p95_ms": { "type": "number", "exclusiveMinimum": 0 }
                    }
                  }
                },
                "triggers": { "type": "array", "items": { "$ref": "#/$defs/trigger" } },
                "migration": {
                  "type": "object",
                  "additionalProperties": false,
                  "patternProperties": { "^\\$": true },
                  "properties": {
                    "lead_time_months": { "$ref": "#/$defs/numberRange" },
                    "downtime_minutes": { "$ref": "#/$defs/numberRange" },
                    "note": { "type": "string" }
                  }
                },
                "team": {
                  "type": "object",
                  "additionalProperties": false,
                  "patternProperties": { "^\\$": true },
                  "properties": {
                    "headcount": { "$ref": "#/$defs/numberRange" },
                    "burn": { "$ref": "#/$defs/numberRange" },
                    "currency": { "$ref": "#/$defs/currency" },
                    "hires": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["role", "at"],
                        "additionalProperties": false,
                        "patternProperties": { "^\\$": true },
                        "properties": {
                          "role": { "type": "string", "minLength": 1 },
                          "at": { "type": "number", "minimum": 0 },
                          "count": { "type": "integer", "minimum": 1 },
                          "salary": { "$ref": "#/$defs/numberRange" },
                          "currency": { "$ref": "#/$defs/currency" },
                          "why": { "type": "string" }
                        }
                      }
                    }
                  }
                },
                "notes": { "$ref": "#/$defs/notes" }
              }
            },
            "cost": {
              "type": "object",
              "required": ["item", "category", "amount"],
              "additionalProperties": false,
              "patternProperties": { "^\\$": true },
              "properties": {
                "item": { "type": "string", "minLength": 1 },
                "category": { "type": "string", "pattern": "^[a-z][a-z0-9_]*$" },
                "amount": {
                  "description": "Monthly amount: a number, an expression, or a {low, high} range (each a number or expression).",
                  "oneOf": [
                    { "$ref": "#/$defs/quantity" },
                    {
                      "type": "object",
                      "required": ["low", "high"],
                      "additionalProperties": false,
                      "patternProperties": { "^\\$": true },
                      "properties": {
                        "low": { "$ref": "#/$defs/quantity" },
                        "mode": { "$ref": "#/$defs/quantity" },
                        "high": { "$ref": "#/$defs/quantity" }
                      }
                    }
                  ]
                },
                "currency": { "$ref": "#/$defs/currency" },
                "source": { "type": "string" },
                "note": { "type": "string" }
              }
            },
            "condition": {
              "oneOf": [
                { "$ref": "#/$defs/expression" },
                {
                  "type": "object",
                  "minProperties": 1,
                  "maxProperties": 1,
                  "additionalProperties": false,
                  "patternProperties": { "^\\$": true },
                  "properties": {
                    "any": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/condition" } },
                    "all": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/condition" } }
                  }
                }
              ]
            },
            "trigger": {
              "type": "object",
              "required": ["action"],
              "additionalProperties": false,
              "patternProperties": { "^\\$": true },
              "properties": {
                "id": { "$ref": "#/$defs/id" },
                "name": { "type": "string" },
                "when": { "$ref": "#/$defs/expression" },
                "any": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/condition" } },
                "all": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/condition" } },
                "severity": { "enum": ["info", "warning", "critical"] },
                "action": { "type": "string", "minLength": 1 },
                "target": { "$ref": "#/$defs/id" },
                "source": { "type": "string" }
              },
              "oneOf": [{ "required": ["when"] }, { "required": ["any"] }, { "required": ["all"] }]
            },
            "growth": \#(GrowthKind.schemaDefinition),
            "scenario": {
              "type": "object",
              "required": ["id", "growth"],
              "additionalProperties": false,
              "patternProperties": { "^\\$": true },
              "properties": {
                "id": { "$ref": "#/$defs/id" },
                "name": { "type": "string" },
                "default": { "type": "boolean" },
                "months": { "type": "integer", "minimum": 1, "maximum": 1200 },
                "start": { "type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$" },
                "growth": { "$ref": "#/$defs/growth" },
                "source": { "type": "string" },
                "params": {
                  "type": "object",
                  "description": "Params this scenario sets (a what-if without editing the plan): name → a number or {low, mode, high}, replacing the profile's value while the scenario is projected.",
                  "propertyNames": { "$ref": "#/$defs/identifier" },
                  "additionalProperties": { "$ref": "#/$defs/uncertain" }
                }
              }
            }
          }
        }
        """#
}
