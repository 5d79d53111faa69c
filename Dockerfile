# Build with Maven, run on a JRE. The data folder (SQLite database, later uploads and backups) is a volume.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
# The compiler settings Error Prone needs (javac internals opened to it).
COPY .mvn .mvn
RUN mvn -B -q dependency:go-offline
COPY src src
COPY templates templates
COPY static static
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app atelier && mkdir -p /data && chown atelier /data
WORKDIR /app
COPY --from=build /src/target/atelier.jar /app/atelier.jar
USER atelier
ENV ATELIER_PORT=7070 \
    ATELIER_DATA_DIR=/data \
    ATELIER_DB_URL=jdbc:sqlite:/data/atelier.db \
    ATELIER_DEMO=false
VOLUME /data
EXPOSE 7070
# A small heap and the serial collector hold the process near 300 MB under load (see BENCHMARKS.md).
CMD ["java", "-Xmx128m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-jar", "/app/atelier.jar"]
