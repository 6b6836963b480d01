package org.truce.reports.daily;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.locationtech.jts.awt.PointTransformation;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.truce.agreement.Zone;
import org.truce.agreement.ZoneRole;
import org.truce.reports.daily.DailyReport.CountRow;
import org.truce.reports.daily.DailyReport.HourCount;
import org.truce.reports.daily.DailyReport.MapData;
import org.truce.reports.daily.DailyReport.MapIncident;

/**
 * The report's figures as PNG: the map (zones and incidents, drawn with JTS's ShapeWriter on Java2D) and two
 * charts (XChart). Text in them uses {@link ReportFont}, so Cyrillic and Turkish labels render without system
 * fonts. Runs headless. Stateless, thread-safe.
 */
final class ReportFigures {
    static final int MAP_WIDTH = 1000, MAP_HEIGHT = 640, CHART_WIDTH = 1000, CHART_HEIGHT = 420;
    private static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final Map<ZoneRole, Color> ZONE_COLOURS = new EnumMap<>(Map.of(
            ZoneRole.THEATER, new Color(0xF4F1EA), ZoneRole.HELD_AREA, new Color(0xD9D3C7),
            ZoneRole.PEACEKEEPING_ZONE, new Color(0xBFD7EA), ZoneRole.CORRIDOR, new Color(0xF6D37A),
            ZoneRole.HANDOVER_DISTRICT, new Color(0xCFE3C3), ZoneRole.PREMISES, new Color(0x9FA8DA),
            ZoneRole.AIRSPACE, new Color(0xE1F0F7), ZoneRole.REFERENCE, new Color(0xFFFFFF)));

    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private ReportFigures() {}

    /** The map: zones filled by role (theater first), incidents as their 95 % circles, confirmed ones in red. */
    static byte[] map(MapData data) {
        BufferedImage img = new BufferedImage(MAP_WIDTH, MAP_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, MAP_WIDTH, MAP_HEIGHT);
            Envelope env = new Envelope();
            data.zones().stream().filter(z -> z.role() != ZoneRole.REFERENCE)
                    .forEach(z -> env.expandToInclude(z.geometry().getEnvelopeInternal()));
            data.incidents().forEach(i -> env.expandToInclude(i.lon(), i.lat()));
            if (env.isNull()) return png(img);
            env.expandBy(Math.max(env.getWidth(), env.getHeight()) * 0.03 + 1e-4);
            // Equirectangular at the map's mid latitude: enough for a theater of a few hundred kilometres.
            double kx = Math.cos(Math.toRadians(env.centre().y));
            double sx = (MAP_WIDTH - 20) / (env.getWidth() * kx), sy = (MAP_HEIGHT - 20) / env.getHeight();
            double s = Math.min(sx, sy);
            double ox = (MAP_WIDTH - env.getWidth() * kx * s) / 2, oy = (MAP_HEIGHT - env.getHeight() * s) / 2;
            PointTransformation t = (Coordinate c, Point2D p) ->
                    p.setLocation(ox + (c.x - env.getMinX()) * kx * s, oy + (env.getMaxY() - c.y) * s);
            ShapeWriter writer = new ShapeWriter(t);
            List<Zone> zones = new ArrayList<>(data.zones());
            zones.sort((a, b) -> Double.compare(b.geometry().getArea(), a.geometry().getArea()));
            for (Zone z : zones) {
                if (z.role() == ZoneRole.REFERENCE) continue;
                Shape shape = writer.toShape(z.geometry());
                Color fill = ZONE_COLOURS.getOrDefault(z.role(), Color.LIGHT_GRAY);
                g.setColor(new Color(fill.getRed(), fill.getGreen(), fill.getBlue(), 170));
                g.fill(shape);
                g.setColor(fill.darker().darker());
                g.setStroke(new BasicStroke(z.role() == ZoneRole.HELD_AREA ? 1.6f : 0.8f));
                g.draw(shape);
            }
            Set<String> confirmed = new HashSet<>(data.confirmedIncidents());
            double metresPerPixel = Math.toRadians(1) * EARTH_RADIUS_M / s;
            for (MapIncident i : data.incidents()) {
                Point2D p = new Point2D.Double();
                t.transform(new Coordinate(i.lon(), i.lat()), p);
                double r = Math.max(4, Math.min(40, i.uncertaintyM() / metresPerPixel));
                boolean red = confirmed.contains(i.id());
                Color c = red ? new Color(0xC62828) : new Color(0x1E3A8A);
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 60));
                g.fill(new Ellipse2D.Double(p.getX() - r, p.getY() - r, 2 * r, 2 * r));
                g.setColor(c);
                g.setStroke(new BasicStroke(red ? 2f : 1.2f));
                g.draw(new Ellipse2D.Double(p.getX() - r, p.getY() - r, 2 * r, 2 * r));
                g.fill(new Ellipse2D.Double(p.getX() - 2.5, p.getY() - 2.5, 5, 5));
            }
            drawScale(g, metresPerPixel);
        } finally {
            g.dispose();
        }
        return png(img);
    }

    private static void drawScale(Graphics2D g, double metresPerPixel) {
        double[] steps = {1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000};
        double metres = steps[0];
        for (double st : steps) if (st / metresPerPixel <= 180) metres = st;
        int px = (int) Math.round(metres / metresPerPixel);
        int x = 20, y = MAP_HEIGHT - 24;
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(x, y, x + px, y);
        g.drawLine(x, y - 5, x, y + 5);
        g.drawLine(x + px, y - 5, x + px, y + 5);
        g.setFont(ReportFont.awt(Font.PLAIN, 13f));
        g.drawString((long) (metres / 1000) + " km", x + px + 8, y + 5);
    }

    /** Counts by kind in the period and the previous 24 hours, side by side. */
    static byte[] kinds(List<CountRow> byKind, ReportMessages m) {
        CategoryChart chart = chart(m, "", m.get("chart_axis_count"));
        List<String> labels = new ArrayList<>();
        List<Integer> today = new ArrayList<>(), previous = new ArrayList<>();
        for (CountRow r : byKind) {
            labels.add(m.getOr("kind." + r.key(), r.key()));
            today.add(r.count());
            previous.add(r.previous());
        }
        if (labels.isEmpty()) {
            labels.add("—");
            today.add(0);
            previous.add(0);
        }
        chart.addSeries(m.get("chart_series_today"), labels, today).setFillColor(new Color(0x1E3A8A));
        chart.addSeries(m.get("chart_series_previous"), labels, previous).setFillColor(new Color(0x9CA3AF));
        return png(chart);
    }

    /** Incidents per hour (bars, left axis) and the share of cells observed in that hour (line, right axis). */
    static byte[] hours(List<HourCount> byHour, ReportMessages m) {
        CategoryChart chart = chart(m, m.get("chart_axis_hour"), m.get("chart_axis_count"));
        DateTimeFormatter hh = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (HourCount h : byHour) {
            labels.add(hh.format(h.hour()));
            counts.add(h.incidents());
            shares.add(h.observedShare() * 100);
        }
        if (labels.isEmpty()) {
            labels.add("—");
            counts.add(0);
            shares.add(0.0);
        }
        chart.addSeries(m.get("chart_series_incidents"), labels, counts).setFillColor(new Color(0x1E3A8A));
        CategorySeries observed = chart.addSeries(m.get("chart_series_observed") + " (%)", labels, shares);
        observed.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        observed.setLineColor(new Color(0x2E7D32));
        observed.setMarkerColor(new Color(0x2E7D32));
        observed.setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "%");
        chart.getStyler().setYAxisMin(1, 0.0);
        chart.getStyler().setYAxisMax(1, 100.0);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setOverlapped(true);
        return png(chart);
    }

    private static CategoryChart chart(ReportMessages m, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(CHART_WIDTH).height(CHART_HEIGHT)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        var st = chart.getStyler();
        st.setBaseFont(ReportFont.awt(Font.PLAIN, 14f));
        st.setChartTitleFont(ReportFont.awt(Font.BOLD, 16f));
        st.setLegendFont(ReportFont.awt(Font.PLAIN, 14f));
        st.setAxisTitleFont(ReportFont.awt(Font.PLAIN, 14f));
        st.setAxisTickLabelsFont(ReportFont.awt(Font.PLAIN, 12f));
        st.setAnnotationTextFont(ReportFont.awt(Font.PLAIN, 12f));
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridVerticalLinesVisible(false);
        st.setYAxisDecimalPattern("#");
        st.setYAxisMin(0.0);
        st.setChartTitleVisible(false);
        return chart;
    }

    private static byte[] png(CategoryChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
    }

    private static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the map as PNG", e);
        }
        return out.toByteArray();
    }
}
