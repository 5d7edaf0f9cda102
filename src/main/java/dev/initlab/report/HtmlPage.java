package dev.initlab.report;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Turns a report's Markdown into a self-contained static HTML page (images stay relative links). */
public final class HtmlPage {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private HtmlPage() {
    }

    /** The page for {@code markdown}, with {@code title} in its head. */
    public static String of(String title, String markdown) {
        Parser parser = Parser.builder().extensions(EXTENSIONS).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + title.replace("&", "&amp;").replace("<", "&lt;") + "</title>\n<style>\n"
                + "body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;line-height:1.45}\n"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .6em}"
                + "th{background:#f3f3f3}img{max-width:100%}code{background:#f6f6f6}\n</style>\n</head>\n<body>\n"
                + renderer.render(parser.parse(markdown)) + "</body>\n</html>\n";
    }
}
