package org.scizoo.catalog.mongo.internal;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The value type of the embedded store's collections: documents are written as BSON (the form they came
 * in on the wire) instead of H2's default, Java serialisation, which was a quarter of the store's CPU
 * time on a bulk write. Values H2 wrote before (Java-serialised, from an older SciZoo) are still read,
 * so a catalogue file needs no conversion; it changes document by document as they are written again.
 * A catalogue written this way cannot be read by an older SciZoo (H2 reports an unknown tag).
 */
final class DocumentValueType extends ObjectDataType {

    /** A tag none of H2's own types uses (theirs are 0–19, 32–49 and 64–119). */
    private static final byte BSON = 120;

    /** H2 writes pages on its own threads; each has its writer (an array of the largest document's size). */
    private static final ThreadLocal<DocumentBson> WRITERS = ThreadLocal.withInitial(DocumentBson::new);

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof Document d) {
            try {
                DocumentBson writer = WRITERS.get();
                if (writer.write(d)) {
                    buff.put(BSON).putVarInt(writer.length()).put(writer.array(), 0, writer.length());
                    return;
                }
                ByteBuf bson = Unpooled.buffer(1024); // the values DocumentBson leaves to BsonEncoder
                BsonEncoder.encodeDocument(d, bson);
                int length = bson.readableBytes();
                buff.put(BSON).putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
                return;
            } catch (RuntimeException e) {
                // a value BSON cannot carry: stored as before, below
            }
        }
        super.write(buff, obj);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) {
            return super.read(buff);
        }
        buff.get();
        int length = DataUtils.readVarInt(buff);
        ByteBuf bson = Unpooled.wrappedBuffer(buff.slice(buff.position(), length));
        buff.position(buff.position() + length);
        return BsonDecoder.decodeBson(bson);
    }

    @Override
    public int getMemory(Object obj) {
        if (obj instanceof Document d) {
            // H2's page cache counts this; a rough guess by top-level fields (a dataset's ~25 fields and
            // its nested metadata take a few kB on the heap), as measuring would cost an encoding
            return 64 + 128 * d.size();
        }
        return super.getMemory(obj);
    }
}
