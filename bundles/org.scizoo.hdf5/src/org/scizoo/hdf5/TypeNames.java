package org.scizoo.hdf5;

import java.nio.ByteOrder;
import java.util.stream.Collectors;

import io.jhdf.object.datatype.ArrayDataType;
import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OpaqueDataType;
import io.jhdf.object.datatype.Reference;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;

/** HDF5 datatypes in words, close to h5dump's: "32-bit little-endian integer", "variable-length UTF-8 string". */
public final class TypeNames {

    private TypeNames() {
    }

    public static String describe(DataType type) {
        if (type == null) {
            return "unknown";
        }
        int bits = type.getSize() * 8;
        if (type instanceof FixedPoint fixed) {
            return bits + "-bit " + order(fixed.getByteOrder()) + (fixed.isSigned() ? "integer" : "unsigned integer");
        }
        if (type instanceof FloatingPoint floating) {
            return bits + "-bit " + order(floating.getByteOrder()) + "float";
        }
        if (type instanceof StringData string) {
            return "fixed-length string of " + type.getSize() + " bytes, " + string.getCharset().name();
        }
        if (type instanceof VariableLength vlen) {
            return vlen.isVariableLengthString() ? "variable-length string, " + vlen.getEncoding().name()
                    : "variable-length sequence of " + describe(vlen.getParent());
        }
        if (type instanceof CompoundDataType compound) {
            return "compound {" + compound.getMembers().stream()
                    .map(m -> m.getName() + ": " + describe(m.getDataType())).collect(Collectors.joining("; ")) + "}";
        }
        if (type instanceof ArrayDataType array) {
            return "array " + java.util.Arrays.toString(array.getArrayTypeDimensions()) + " of "
                    + describe(array.getBaseType());
        }
        if (type instanceof EnumDataType enumType) {
            return "enum " + enumType.getEnumMapping().values() + " of " + describe(enumType.getBaseType());
        }
        if (type instanceof BitField) {
            return bits + "-bit bitfield";
        }
        if (type instanceof Reference) {
            return "reference (" + bits + "-bit)";
        }
        if (type instanceof OpaqueDataType) {
            return "opaque (" + type.getSize() + " bytes)";
        }
        return type.getClass().getSimpleName() + " (" + type.getSize() + " bytes)";
    }

    private static String order(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? "big-endian " : "little-endian ";
    }
}
