package cn.zhifa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@ConfigurationPropertiesScan
// instead of @EnableProcessApplication: the same process application, with resources the packaged jar can read
@Import(ZhifaProcessApplication.class)
public class ZhifaApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZhifaApplication.class, args);
    }
}
