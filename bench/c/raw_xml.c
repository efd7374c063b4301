/* raw_xml.c: libxml2's xmlTextReader over a feed with no-op handling, the ceiling the
 * xml-news importer is measured against (muster-bench xml).
 *
 * Same parser options as the importer: XML_PARSE_NONET | XML_PARSE_NOCDATA |
 * XML_PARSE_BIG_LINES. Per node it asks only the node type and depth (what any reader
 * loop must) and counts <item>/<entry> start tags so records/s can be compared.
 *
 * With --html it also parses every text node inside <content:encoded> with libxml2's HTML
 * parser (the importer's options) and frees the tree: the ceiling for an importer that must
 * read item bodies as HTML (their text and participant tables).
 *
 * Build: cc -O2 raw_xml.c $(pkg-config --cflags --libs libxml-2.0) -o raw_xml
 * Run:   raw_xml FILE [--html]   → prints "seconds=S items=N nodes=M"
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3 || (argc == 3 && strcmp(argv[2], "--html") != 0)) {
        fprintf(stderr, "usage: raw_xml FILE [--html]\n");
        return 64;
    }
    int html = argc == 3;
    int htmlOptions = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING;
    xmlInitParser();
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    xmlTextReaderPtr reader = xmlReaderForFile(argv[1], NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
    if (reader == NULL) {
        fprintf(stderr, "cannot open %s\n", argv[1]);
        return 1;
    }
    const xmlChar *item = xmlTextReaderConstString(reader, BAD_CAST "item");
    const xmlChar *entry = xmlTextReaderConstString(reader, BAD_CAST "entry");
    const xmlChar *encoded = xmlTextReaderConstString(reader, BAD_CAST "encoded");
    int inBody = 0;
    htmlParserCtxtPtr htmlContext = html ? htmlNewParserCtxt() : NULL;
    long items = 0, nodes = 0;
    int status;
    while ((status = xmlTextReaderRead(reader)) == 1) {
        nodes++;
        int type = xmlTextReaderNodeType(reader);
        if (type == XML_READER_TYPE_ELEMENT) {
            const xmlChar *name = xmlTextReaderConstLocalName(reader);
            if (name == item || name == entry) items++;
            if (name == encoded && !xmlTextReaderIsEmptyElement(reader)) inBody = 1;
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            inBody = 0;
        } else if (html && inBody && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA)) {
            const char *text = (const char *)xmlTextReaderConstValue(reader);
            htmlDocPtr document = htmlCtxtReadMemory(htmlContext, text, (int)strlen(text), NULL, "UTF-8", htmlOptions);
            if (document != NULL) xmlFreeDoc(document);
        }
    }
    xmlFreeTextReader(reader);
    if (htmlContext != NULL) htmlFreeParserCtxt(htmlContext);
    clock_gettime(CLOCK_MONOTONIC, &end);
    if (status != 0) {
        fprintf(stderr, "parse error in %s\n", argv[1]);
        return 1;
    }
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    printf("seconds=%.6f items=%ld nodes=%ld\n", seconds, items, nodes);
    return 0;
}
