package org.scizoo.files.formats;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.osgi.service.component.annotations.Component;
import org.scizoo.core.model.FileMetadata;
import org.scizoo.core.model.MetadataValue;
import org.scizoo.core.ports.MetadataExtractor;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * SpecsLab 2 CORBA XML (.xml, "XMLSerializer2"): each {@code struct type_name="RegionData"} is a region;
 * its name and the simple values of its {@code region} struct (analysis method, lens, slit, scan mode,
 * pass, kinetic and excitation energies, dwell time, scans) are kept; group names too. The inline DTD is
 * read, nothing external is fetched.
 */
@Component(service = MetadataExtractor.class)
public class SpecsXmlExtractor implements MetadataExtractor {

    public static final String FORMAT = "SpecsLab XML";
    private static final Set<String> SKIP = Set.of("detector_dataset_directory");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean supports(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml");
    }

    @Override
    public FileMetadata extract(Path file) throws IOException {
        String name = file.getFileName().toString();
        org.w3c.dom.Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(null);
            doc = builder.parse(file.toFile());
        } catch (SAXException e) {
            throw new IOException(name + " is not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser: " + e.getMessage(), e);
        }
        List<Map<String, String>> regions = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        NodeList structs = doc.getElementsByTagName("struct");
        for (int i = 0; i < structs.getLength(); i++) {
            Element struct = (Element) structs.item(i);
            String type = struct.getAttribute("type_name");
            if (type.equals("RegionGroup")) {
                groups.add(childText(struct, "name"));
            } else if (type.equals("RegionData")) {
                Map<String, String> region = new LinkedHashMap<>();
                region.put("region_name", childText(struct, "name"));
                Element def = child(struct, "region");
                if (def != null) {
                    simpleValues(def, "", region);
                }
                regions.add(region);
            }
        }
        if (regions.isEmpty()) {
            throw new IOException(name + " is no SpecsLab XML export (no RegionData)");
        }
        Map<String, MetadataValue> metadata = HeaderValues.merge(regions, SKIP);
        if (!groups.isEmpty()) {
            metadata.put("groups", MetadataValue.of(groups));
        }
        return new FileMetadata(FORMAT, null, null, null, regions.stream().map(r -> r.get("region_name")).toList(),
                metadata);
    }

    /** The simple values under a struct; a nested struct's {@code name} becomes the struct's own name. */
    private static void simpleValues(Element struct, String prefix, Map<String, String> out) {
        for (Node n = struct.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !e.getAttribute("name").isEmpty()) {
                if (e.getTagName().equals("struct")) {
                    String nested = childText(e, "name");
                    if (nested != null) {
                        out.put(prefix + e.getAttribute("name"), nested);
                    }
                } else if (!e.getTagName().equals("sequence") && !e.getTagName().equals("array")) {
                    out.put(prefix + e.getAttribute("name"), e.getTextContent().strip());
                }
            }
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getAttribute("name"))) {
                return e;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }
}
