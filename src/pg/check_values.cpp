// cartridge.check_accepted_values(constraint oid): the values a check constraint of the
// form `col IN (...)`, `col = ANY (ARRAY[...])`, `col = 'x'` or an OR of such accepts.
// Read from the constraint's expression tree (conbin), not from its deparsed text, so casts,
// quoting and the way PostgreSQL prints the expression do not matter.
#include "pg/check_values.hpp"
#include "pg/guard.hpp"
#include "pg/subtransaction.hpp"

#include <string>
#include <vector>

extern "C" {
#include "access/htup_details.h"
#include "catalog/pg_constraint.h"
#include "catalog/pg_type_d.h"
#include "nodes/nodeFuncs.h"
#include "nodes/parsenodes.h"
#include "parser/parser.h"
#include "nodes/primnodes.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
}

namespace {

// Var under any implicit casts (RelabelType, CoerceViaIO, FuncExpr casts); -1 if not a Var.
AttrNumber column_of(Node* node) {
    while (node) {
        if (IsA(node, Var))
            return reinterpret_cast<Var*>(node)->varattno;
        if (IsA(node, RelabelType))
            node = reinterpret_cast<Node*>(reinterpret_cast<RelabelType*>(node)->arg);
        else if (IsA(node, CoerceViaIO))
            node = reinterpret_cast<Node*>(reinterpret_cast<CoerceViaIO*>(node)->arg);
        else if (IsA(node, FuncExpr) && reinterpret_cast<FuncExpr*>(node)->funcformat != COERCE_EXPLICIT_CALL &&
                 list_length(reinterpret_cast<FuncExpr*>(node)->args) == 1)
            node = static_cast<Node*>(linitial(reinterpret_cast<FuncExpr*>(node)->args));
        else
            return -1;
    }
    return -1;
}

Const* constant_of(Node* node) {
    while (node && IsA(node, RelabelType))
        node = reinterpret_cast<Node*>(reinterpret_cast<RelabelType*>(node)->arg);
    if (node && IsA(node, FuncExpr) && reinterpret_cast<FuncExpr*>(node)->funcformat != COERCE_EXPLICIT_CALL &&
        list_length(reinterpret_cast<FuncExpr*>(node)->args) == 1)
        return constant_of(static_cast<Node*>(linitial(reinterpret_cast<FuncExpr*>(node)->args)));
    return node && IsA(node, Const) ? reinterpret_cast<Const*>(node) : nullptr;
}

bool is_equality(Oid opno) {
    char* name = get_opname(opno);
    return name && strcmp(name, "=") == 0;
}

void append_const_text(Const* c, List** values) {
    if (c->constisnull)
        return;
    Oid output;
    bool varlena;
    getTypeOutputInfo(c->consttype, &output, &varlena);
    *values = lappend(*values, OidOutputFunctionCall(output, c->constvalue));
}

// The elements of a constant array: a Const array, or (as stored, before constant folding)
// an ARRAY[...] of constants, possibly under casts such as varchar[] -> text[].
bool collect_array(Node* node, List** values) {
    while (node && (IsA(node, RelabelType) || IsA(node, ArrayCoerceExpr))) {
        if (IsA(node, RelabelType))
            node = reinterpret_cast<Node*>(reinterpret_cast<RelabelType*>(node)->arg);
        else
            node = reinterpret_cast<Node*>(reinterpret_cast<ArrayCoerceExpr*>(node)->arg);
    }
    if (node && IsA(node, ArrayExpr)) {
        ListCell* cell;
        foreach (cell, reinterpret_cast<ArrayExpr*>(node)->elements) {
            Const* element = constant_of(static_cast<Node*>(lfirst(cell)));
            if (!element)
                return false;
            append_const_text(element, values);
        }
        return true;
    }
    Const* array = constant_of(node);
    if (!array || array->constisnull)
        return false;
    ArrayType* items = DatumGetArrayTypeP(array->constvalue);
    Oid element = ARR_ELEMTYPE(items);
    int16 length;
    bool byval;
    char align;
    get_typlenbyvalalign(element, &length, &byval, &align);
    Datum* datums;
    bool* nulls;
    int count;
    deconstruct_array(items, element, length, byval, align, &datums, &nulls, &count);
    Oid output;
    bool varlena;
    getTypeOutputInfo(element, &output, &varlena);
    for (int i = 0; i < count; i++)
        if (!nulls[i])
            *values = lappend(*values, OidOutputFunctionCall(output, datums[i]));
    return true;
}

// Collects accepted values into *values; returns false when the expression is not a
// membership test on one column (*column keeps that column across OR branches).
bool collect(Node* node, AttrNumber* column, List** values) {
    if (IsA(node, BoolExpr) && reinterpret_cast<BoolExpr*>(node)->boolop == OR_EXPR) {
        ListCell* cell;
        foreach (cell, reinterpret_cast<BoolExpr*>(node)->args)
            if (!collect(static_cast<Node*>(lfirst(cell)), column, values))
                return false;
        return true;
    }
    if (IsA(node, ScalarArrayOpExpr)) {
        auto* op = reinterpret_cast<ScalarArrayOpExpr*>(node);
        if (!op->useOr || !is_equality(op->opno) || list_length(op->args) != 2)
            return false;
        AttrNumber attnum = column_of(static_cast<Node*>(linitial(op->args)));
        if (attnum <= 0 || (*column && *column != attnum))
            return false;
        *column = attnum;
        return collect_array(static_cast<Node*>(lsecond(op->args)), values);
    }
    if (IsA(node, OpExpr)) {
        auto* op = reinterpret_cast<OpExpr*>(node);
        if (!is_equality(op->opno) || list_length(op->args) != 2)
            return false;
        Node* left = static_cast<Node*>(linitial(op->args));
        Node* right = static_cast<Node*>(lsecond(op->args));
        AttrNumber attnum = column_of(left);
        Const* value = constant_of(right);
        if (attnum <= 0 || !value) {
            attnum = column_of(right);
            value = constant_of(left);
        }
        if (attnum <= 0 || !value || (*column && *column != attnum))
            return false;
        *column = attnum;
        append_const_text(value, values);
        return true;
    }
    return false;
}

// The same walk over a raw parse tree (a deparsed definition): names instead of attnums,
// A_Const literals instead of Consts.
Node* strip_raw_casts(Node* node) {
    while (node && IsA(node, TypeCast))
        node = reinterpret_cast<TypeCast*>(node)->arg;
    return node;
}

const char* raw_column(Node* node) {
    node = strip_raw_casts(node);
    if (!node || !IsA(node, ColumnRef))
        return nullptr;
    Node* last = static_cast<Node*>(llast(reinterpret_cast<ColumnRef*>(node)->fields));
    return IsA(last, String) ? strVal(last) : nullptr;
}

// The literal's text as the type's output function would print it for the common cases
// (strings and numbers as written, booleans as t/f); false when it is not a literal.
bool raw_constant(Node* node, List** values) {
    node = strip_raw_casts(node);
    if (!node || !IsA(node, A_Const))
        return false;
    A_Const* c = reinterpret_cast<A_Const*>(node);
    if (c->isnull)
        return true;
    Node* value = reinterpret_cast<Node*>(&c->val);
    switch (nodeTag(value)) {
        case T_Integer:
            *values = lappend(*values, psprintf("%d", intVal(value)));
            return true;
        case T_Float:
            *values = lappend(*values, pstrdup(castNode(Float, value)->fval));
            return true;
        case T_Boolean:
            *values = lappend(*values, pstrdup(boolVal(value) ? "t" : "f"));
            return true;
        case T_String:
            *values = lappend(*values, pstrdup(strVal(value)));
            return true;
        default:
            return false;
    }
}

bool same_column(const char* name, const char** column) {
    if (!name || (*column && strcmp(*column, name) != 0))
        return false;
    *column = name;
    return true;
}

bool raw_array(Node* node, List** values) {
    node = strip_raw_casts(node);
    if (node && IsA(node, A_ArrayExpr)) {
        ListCell* cell;
        foreach (cell, reinterpret_cast<A_ArrayExpr*>(node)->elements)
            if (!raw_constant(static_cast<Node*>(lfirst(cell)), values))
                return false;
        return true;
    }
    // A constant array, printed as '{a,b}'::text[]: read with text[]'s input function.
    if (!node || !IsA(node, A_Const) || reinterpret_cast<A_Const*>(node)->isnull ||
        !IsA(&reinterpret_cast<A_Const*>(node)->val, String))
        return false;
    Datum array = OidInputFunctionCall(F_ARRAY_IN, strVal(&reinterpret_cast<A_Const*>(node)->val), TEXTOID, -1);
    Datum* items;
    bool* nulls;
    int count;
    deconstruct_array(DatumGetArrayTypeP(array), TEXTOID, -1, false, TYPALIGN_INT, &items, &nulls, &count);
    for (int i = 0; i < count; i++)
        if (!nulls[i])
            *values = lappend(*values, TextDatumGetCString(items[i]));
    return true;
}

bool is_raw_equality(List* name) {
    return list_length(name) >= 1 && strcmp(strVal(llast(name)), "=") == 0;
}

bool collect_raw(Node* node, const char** column, List** values) {
    if (!node)
        return false;
    if (IsA(node, BoolExpr) && reinterpret_cast<BoolExpr*>(node)->boolop == OR_EXPR) {
        ListCell* cell;
        foreach (cell, reinterpret_cast<BoolExpr*>(node)->args)
            if (!collect_raw(static_cast<Node*>(lfirst(cell)), column, values))
                return false;
        return true;
    }
    if (!IsA(node, A_Expr))
        return false;
    A_Expr* e = reinterpret_cast<A_Expr*>(node);
    if (e->kind == AEXPR_OP_ANY && is_raw_equality(e->name))
        return same_column(raw_column(e->lexpr), column) && raw_array(e->rexpr, values);
    if (e->kind == AEXPR_IN && is_raw_equality(e->name) && e->rexpr && IsA(e->rexpr, List)) {
        if (!same_column(raw_column(e->lexpr), column))
            return false;
        ListCell* cell;
        foreach (cell, reinterpret_cast<List*>(e->rexpr))
            if (!raw_constant(static_cast<Node*>(lfirst(cell)), values))
                return false;
        return true;
    }
    if (e->kind == AEXPR_OP && is_raw_equality(e->name)) {
        if (raw_column(e->lexpr))
            return same_column(raw_column(e->lexpr), column) && raw_constant(e->rexpr, values);
        return same_column(raw_column(e->rexpr), column) && raw_constant(e->lexpr, values);
    }
    return false;
}

}  // namespace

namespace cartridge::pg {

std::optional<std::vector<std::string>> accepted_values_of_definition_pg(const std::string& definition) {
    std::string text = definition;
    for (const std::string suffix : {" NOT VALID", " NO INHERIT", " NOT VALID"})
        if (text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0)
            text.erase(text.size() - suffix.size());
    if (text.rfind("CHECK ", 0) != 0)
        return std::nullopt;
    const std::string sql = "SELECT WHERE " + text.substr(6);
    std::vector<std::string> out;
    bool matched = false;
    // A definition from a newer server may not parse here: then it is not a check list.
    std::optional<std::string> error = read_in_subtransaction_pg([&] {
        const char* query = sql.c_str();
        List* values = pg_call([query]() -> List* {
            List* statements = raw_parser(query, RAW_PARSE_DEFAULT);
            if (list_length(statements) != 1)
                return NIL;
            Node* statement = linitial_node(RawStmt, statements)->stmt;
            if (!IsA(statement, SelectStmt))
                return NIL;
            const char* column = nullptr;
            List* found = NIL;
            if (!collect_raw(castNode(SelectStmt, statement)->whereClause, &column, &found))
                return NIL;
            return found;
        });
        matched = values != NIL;
        ListCell* cell;
        foreach (cell, values)
            out.emplace_back(static_cast<char*>(lfirst(cell)));
    });
    if (error || !matched)
        return std::nullopt;
    return out;
}

}  // namespace cartridge::pg

// Returns text[] of accepted values, or NULL when the check is not a membership test.
CARTRIDGE_FUNCTION(cartridge_check_accepted_values) {
    Oid constraint = PG_GETARG_OID(0);
    Datum result = cartridge::pg::pg_call([constraint]() -> Datum {
        HeapTuple tuple = SearchSysCache1(CONSTROID, ObjectIdGetDatum(constraint));
        if (!HeapTupleIsValid(tuple))
            return 0;
        auto* form = reinterpret_cast<Form_pg_constraint>(GETSTRUCT(tuple));
        bool isnull;
        Datum conbin = SysCacheGetAttr(CONSTROID, tuple, Anum_pg_constraint_conbin, &isnull);
        if (form->contype != CONSTRAINT_CHECK || isnull) {
            ReleaseSysCache(tuple);
            return 0;
        }
        Node* expr = static_cast<Node*>(stringToNode(TextDatumGetCString(conbin)));
        ReleaseSysCache(tuple);
        AttrNumber column = 0;
        List* values = NIL;
        if (!collect(expr, &column, &values) || values == NIL)
            return 0;
        int count = list_length(values);
        Datum* items = static_cast<Datum*>(palloc(sizeof(Datum) * count));
        for (int i = 0; i < count; i++)
            items[i] = CStringGetTextDatum(static_cast<char*>(list_nth(values, i)));
        return PointerGetDatum(construct_array(items, count, TEXTOID, -1, false, TYPALIGN_INT));
    });
    if (result == 0)
        PG_RETURN_NULL();
    PG_RETURN_DATUM(result);
}
