// Naming conventions of relational schemas, as relationship inference reads them: words of
// an identifier in any case style, singular forms, abbreviations, key suffixes and the
// vocabulary of roles ("rep" is an employee, "user" may be a customer).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cartridge::naming {

// Lower-case words of an identifier: snake_case, camelCase, PascalCase, kebab-case,
// "HTTPServer" -> {http, server}, letters and digits apart ("address2" -> {address, 2}).
std::vector<std::string> words(std::string_view identifier);

// English singular of one lower-case word ("categories" -> "category", "statuses" ->
// "status", "people" -> "person"); words that are not plurals come back unchanged.
std::string singular(const std::string& word);

// English plural of one lower-case word ("customer" -> "customers", "category" ->
// "categories", "person" -> "people"); plurals, uncountable words ("data", "staff") and
// what is not a plain word of three letters or more ("2024", "mv") come back unchanged.
std::string plural(const std::string& word);

// A snake_case name with its last word plural ("invoice_line" -> "invoice_lines") or
// singular ("order_details" -> "order_detail"): dbt's model names are plural.
std::string plural_name(const std::string& snake);
std::string singular_name(const std::string& snake);

// A snake_case table name without the leading words that decorate rather than name it
// ("raw_customers" -> "customers", "tbl_order_items" -> "order_items"); never empty.
std::string without_table_decoration(const std::string& snake);

// Words joined by '_' with the last one singular: the form names are compared in.
std::string concept_of(const std::vector<std::string>& words);

// True when `abbreviation` is a plausible short form of `word`: a prefix of at least three
// letters that leaves off a derivational ending ("ship" of "shipper" or "shipment"), or a
// well-known abbreviation ("cust", "supp", "emp", "dept", "mgr", "acct").
bool is_abbreviation(const std::string& abbreviation, const std::string& word);

// Only the well-known abbreviations ("cust" of customer), not derivations ("tag" of tagging).
bool is_known_abbreviation(const std::string& abbreviation, const std::string& word);

// Prefixes of `word` that is_abbreviation accepts, and the well-known abbreviations of it:
// the keys under which a table named `word` is found from an abbreviated column name.
std::vector<std::string> abbreviations_of(const std::string& word);

// How a column name refers to another row.
enum class SuffixKind {
    none,        // "customer", "status"
    key,         // id, key, sk, fk, code, no, num, nbr, number, ref, uuid, guid
    connective,  // by, to, via: "created_by", "reports_to", "ship_via"
};

struct ColumnName {
    std::vector<std::string> words;  // all words, after the table's column prefix
    std::vector<std::string> core;   // words without the key suffix or connective
    std::string suffix;              // the suffix word ("id", "key", "to", ...), or empty
    SuffixKind kind = SuffixKind::none;
    bool glued = false;              // suffix was glued to the word before ("customerid")
    std::string normalized;          // concept_of(words) with a glued suffix split off
};

// Reads a column name. `prefix` is the table's column prefix ("l" for TPC-H's lineitem),
// removed first when present.
ColumnName parse_column_name(const std::string& column, const std::string& prefix = {});

// Words of a table name without decoration that is not part of its meaning: schema-style
// prefixes of staging and warehouse tables (raw_, stg_, src_, tbl_, dim_, fct_, fact_, ...).
std::vector<std::string> table_words(const std::string& table);

// concept_of(table_words(table)): "raw_customers" -> "customer", "MediaType" -> "media_type".
std::string table_stem(const std::string& table);

// The prefix most column names of a table share when it abbreviates the table's name, like
// TPC-H's "l_" in lineitem or "cust_" in a customer table with cust_id, cust_name, cust_city;
// empty when there is none.
std::string column_prefix(const std::vector<std::string>& column_names, const std::string& table);

// Entities a role word may stand for: "rep" -> employee, staff, user, ...; "user" ->
// customer, member, account, ...; empty when the word names no role.
const std::vector<std::string>& role_targets(const std::string& word);

// Words that make a column point to its own table ("parent", "predecessor"), and those that
// do when the table holds people ("manager", "supervisor", "reports").
bool is_self_reference_word(const std::string& word);
bool is_person_self_reference_word(const std::string& word);

// True when a table stem names people (employee, staff, user, person, customer, ...).
bool is_person_entity(const std::string& stem);

}  // namespace cartridge::naming
