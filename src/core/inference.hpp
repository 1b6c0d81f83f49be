// Relationship inference: foreign keys nobody declared, from naming conventions, key targets,
// type compatibility and (when the data may be read) containment of child values in the
// parent key. Pure: the data evidence is measured by src/pg and handed back in.
//
//   auto candidates = relationship_candidates(schema);           // names, keys, types
//   std::vector<Containment> evidence = ...;                       // one per candidate (src/pg)
//   auto edges = decide_relationships(schema, candidates, evidence, options);
//
// Cost is linear in the number of columns: targets are found through hash indexes keyed by
// normalized names, never by comparing column pairs.
#pragma once

#include "core/schema.hpp"
#include "core/table_keys.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cartridge {

struct InferenceOptions {
    double min_confidence = 0.5;  // edges below are not kept
    size_t max_targets_per_column = 3;  // candidates per child column handed to the data check
};

// A possible edge before data evidence.
struct Candidate {
    size_t child = 0;   // index in Schema::relations
    std::vector<std::string> child_columns;
    size_t parent = 0;  // index in Schema::relations
    std::vector<std::string> parent_columns;
    std::vector<std::string> signals;  // naming rules that fired, strongest first
    double name_score = 0;            // 0..1 from the naming signals alone
    KeyKind key = KeyKind::primary_key;
    bool exact_type = false;          // same type, not only compatible ones
    bool parent_indexed = false;      // a declared key or unique index covers parent_columns
    bool mutual = false;              // the child columns are the child's key too: only data
                                      // (one side's values within the other's) says which way
};

// Data evidence for one candidate, measured on a bounded sample of child values.
struct Containment {
    bool checked = false;   // false when the data could not or may not be read
    std::string reason;     // why it was not checked ("profile off", "no SELECT privilege", ...)
    int64_t sampled = 0;    // distinct non-null child values looked up
    int64_t found = 0;      // of those, present in the parent key
    double ratio() const { return sampled > 0 ? static_cast<double>(found) / sampled : 0.0; }
};

// Candidates from names, keys and types; several per child column when names are ambiguous,
// best first. Declared foreign keys are never proposed again.
std::vector<Candidate> relationship_candidates(const Schema& schema, const InferenceOptions& options = {});

// The inferred edges: one target per child column set (the most likely), with confidence,
// cardinality and evidence, at least options.min_confidence. `evidence` is parallel to
// `candidates` (empty means no data evidence for any of them).
std::vector<Relationship> decide_relationships(const Schema& schema, const std::vector<Candidate>& candidates,
                                               const std::vector<Containment>& evidence,
                                               const InferenceOptions& options = {});

}  // namespace cartridge
