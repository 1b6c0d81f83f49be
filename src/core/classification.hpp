// Star-schema roles of relations: fact, dimension, bridge, reference or other, from the
// relationships (declared and inferred), keys, measure and event-date columns, row counts
// and names. Each label comes with a confidence and the evidence that decided it.
#pragma once

#include "core/schema.hpp"

#include <string>
#include <vector>

namespace cartridge {

struct Classification {
    std::string label;  // fact, dimension, bridge, reference, other
    double confidence = 0;
    nlohmann::json evidence = nlohmann::json::object();
};

// One classification per relation of schema.relations (same order).
std::vector<Classification> classify_relations(const Schema& schema);

// Sets Relation::classification, classification_confidence and classification_evidence.
void apply_classifications(Schema& schema);

}  // namespace cartridge
