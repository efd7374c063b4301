/* raw_csv: libcsv's own speed on a file, with field and row callbacks that only count.
 *
 * The baseline the csv-signup importer is measured against (`muster-bench csv` compiles
 * and runs it). Reads the file in 64 KiB chunks like the importer does, with the same
 * parser options (CSV_REPALL_NL, no space trimming).
 *
 * Build: cc -O2 raw_csv.c -lcsv -o raw_csv        Run: ./raw_csv FILE [DELIMITER]
 * Prints one line: bytes=N fields=N rows=N seconds=S cpu=S (wall clock, and CPU time
 * of this process: on a shared machine the CPU time is the steadier figure)
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct counts { unsigned long fields, rows; };

static void on_field(void *data, size_t length, void *context) {
    (void)data; (void)length;
    ((struct counts *)context)->fields++;
}

static void on_row(int terminator, void *context) {
    (void)terminator;
    ((struct counts *)context)->rows++;
}

static int no_space(unsigned char c) { (void)c; return 0; }

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: raw_csv FILE [DELIMITER]\n");
        return 64;
    }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 66; }
    struct csv_parser parser;
    if (csv_init(&parser, CSV_REPALL_NL) != 0) { fprintf(stderr, "csv_init failed\n"); return 70; }
    csv_set_space_func(&parser, no_space);
    if (argc > 2) csv_set_delim(&parser, (unsigned char)argv[2][0]);
    struct counts counts = {0, 0};
    static char buffer[64 * 1024];
    unsigned long total = 0;
    struct timespec start, end;
    clock_t cpu_start = clock();
    clock_gettime(CLOCK_MONOTONIC, &start);
    size_t count;
    while ((count = fread(buffer, 1, sizeof buffer, file)) > 0) {
        if (csv_parse(&parser, buffer, count, on_field, on_row, &counts) != count) {
            fprintf(stderr, "csv_parse: %s\n", csv_strerror(csv_error(&parser)));
            return 65;
        }
        total += count;
    }
    csv_fini(&parser, on_field, on_row, &counts);
    clock_gettime(CLOCK_MONOTONIC, &end);
    double cpu = (double)(clock() - cpu_start) / CLOCKS_PER_SEC;
    csv_free(&parser);
    fclose(file);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    printf("bytes=%lu fields=%lu rows=%lu seconds=%.6f cpu=%.6f\n", total, counts.fields, counts.rows, seconds, cpu);
    return 0;
}
