package dev.initlab.cli;

import dev.initlab.model.InitScheme;
import dev.initlab.model.LossKind;
import dev.initlab.model.Precision;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters that turn option text into the library's types, with the library's error messages. */
final class Converters {

    private Converters() {
    }

    /** Delegates to a library parser and reports its IllegalArgumentException as picocli's conversion error. */
    private abstract static class Parsing<T> implements ITypeConverter<T> {
        private final Function<String, T> parser;

        Parsing(Function<String, T> parser) {
            this.parser = parser;
        }

        @Override
        public T convert(String value) {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --init}. */
    static final class Init extends Parsing<InitScheme> {
        Init() {
            super(InitScheme::parse);
        }
    }

    /** {@code --loss}. */
    static final class Loss extends Parsing<LossKind> {
        Loss() {
            super(LossKind::parse);
        }
    }

    /** A range {@code MIN:MAX}. */
    static final class RangeText extends Parsing<dev.initlab.experiment.Range> {
        RangeText() {
            super(dev.initlab.experiment.Range::parse);
        }
    }

    /** {@code --dtype}. */
    static final class Dtype extends Parsing<Precision> {
        Dtype() {
            super(Precision::parse);
        }
    }
}
