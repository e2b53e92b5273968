use super::*;

#[test]
fn a_program_is_a_pure_function_of_its_seed_and_mode() {
    for seed in 0..200 {
        for mode in [Mode::Execute, Mode::Invalid] {
            let one = generate(seed, mode);
            let two = generate(seed, mode);
            assert_eq!(one.source(), two.source(), "seed {seed}");
            assert_eq!(one.expect, two.expect);
        }
    }
    assert_ne!(
        generate(1, Mode::Execute).source(),
        generate(2, Mode::Execute).source()
    );
}

#[test]
fn invalid_programs_predict_a_line_inside_the_program() {
    for seed in 0..300 {
        let program = generate(seed, Mode::Invalid);
        let Expectation::SyntaxError { line, .. } = program.expect else {
            panic!("seed {seed}: an invalid program predicts a SyntaxError");
        };
        assert!(line >= 1 && line <= program.source().lines().count());
    }
}

#[test]
#[ignore]
fn show() {
    let seed: u64 = std::env::var("SEED").unwrap().parse().unwrap();
    print!("{}", generate(seed, Mode::Execute).source());
}

#[test]
#[ignore]
fn generation_speed() {
    let t = std::time::Instant::now();
    let mut n = 0;
    for seed in 0..20000 {
        n += generate(seed, Mode::Compile).source().len();
    }
    eprintln!("20000 programs in {:?} ({n} bytes)", t.elapsed());
}
