package dev.initlab.cli;

import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import dev.initlab.model.Precision;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters that turn option text into the library's types, with the library's error messages. */
final class Converters {

    private Converters() {
    }

    /** {@code --init}. */
    static final class Init implements ITypeConverter<InitScheme> {
        @Override
        public InitScheme convert(String value) {
            try {
                return InitScheme.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --loss}. */
    static final class Loss implements ITypeConverter<LossKind> {
        @Override
        public LossKind convert(String value) {
            try {
                return LossKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --dtype}. */
    static final class Dtype implements ITypeConverter<Precision> {
        @Override
        public Precision convert(String value) {
            try {
                return Precision.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
