// cartridge.check_accepted_values(constraint oid): the values a check constraint of the
// form `col IN (...)`, `col = ANY (ARRAY[...])`, `col = 'x'` or an OR of such accepts.
// Read from the constraint's expression tree (conbin), not from its deparsed text, so casts,
// quoting and the way PostgreSQL prints the expression do not matter.
#include "pg/guard.hpp"

#include <string>
#include <vector>

extern "C" {
#include "access/htup_details.h"
#include "catalog/pg_constraint.h"
#include "nodes/nodeFuncs.h"
#include "nodes/primnodes.h"
#include "utils/array.h"
#include "utils/builtins.h"
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

}  // namespace

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
