package dev.initlab.train;

import java.util.List;
import java.util.NoSuchElementException;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Serves minibatches built once, in data order, without shuffling or a prefetch thread. Building the
 * batches up front keeps the per-step cost of {@code fit} down to the maths; asynchronous prefetch is
 * switched off because it only adds a thread hand-off for data that is already in memory.
 */
public final class MinibatchIterator implements DataSetIterator {

    private final List<DataSet> batches;
    private final int batchSize;
    private int cursor;

    /** Splits the data into consecutive minibatches of {@code batchSize} (the last may be smaller). */
    public MinibatchIterator(DataSet data, int batchSize) {
        this.batches = List.copyOf(data.batchBy(batchSize));
        this.batchSize = batchSize;
    }

    @Override
    public boolean hasNext() {
        return cursor < batches.size();
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batches.get(cursor++);
    }

    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("minibatches are fixed at " + batchSize);
    }

    @Override
    public int inputColumns() {
        return (int) batches.get(0).getFeatures().size(1);
    }

    @Override
    public int totalOutcomes() {
        return (int) batches.get(0).getLabels().size(1);
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        cursor = 0;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("no preprocessing: the tutorial trains on raw x");
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return null;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
